package io.switchboard.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP calls to the test server from another loopback address (127.0.0.2 … 127.0.0.254 all reach 127.0.0.1 on
 * Linux), so a test can be a different source address than every other test: what sign-in throttling per source
 * counts. The JDK's HttpClient cannot choose its local address on Java 17, hence a plain HTTP/1.0 exchange.
 */
public final class FromAddress {

    private final String source;

    public FromAddress(String source) {
        this.source = source;
    }

    public Api.Reply post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Api.Reply put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public Api.Reply login(String tenant, String login, String password) {
        return post("/api/auth/login", null, jakarta.json.Json.createObjectBuilder().add("tenant", tenant)
                .add("login", login).add("password", password).build().toString());
    }

    private Api.Reply send(String method, String path, String token, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8080), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Reply parse(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = null;
        for (String header : head) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                contentType = header.substring("content-type:".length()).strip();
            }
        }
        return new Api.Reply(status, contentType, text.substring(end + 4));
    }
}
