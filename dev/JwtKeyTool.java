import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes and rotates the RSA key pair Switchboard signs its tokens with. JDK only: run it as
 * {@code java dev/JwtKeyTool.java <command> <directory>}.
 *
 * <p>A key directory holds {@code private.pem} (the signing key, PKCS#8 PEM, readable by its owner only) and
 * {@code jwks.json} (a JSON Web Key Set of every public key tokens are accepted from, each with its {@code kid}).
 * Point {@code SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION} at the first and {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION} at the
 * second. A key id is the day the key was made and the start of its RFC 7638 thumbprint, e.g.
 * {@code 2026-11-22-3kQ9xZ0a}.
 *
 * <ul>
 *   <li>{@code init <dir>}: makes a key pair when the directory has none; keeps an existing one.</li>
 *   <li>{@code rotate <dir>}: makes a new signing key and adds its public key to the set, which keeps the old ones,
 *       so tokens signed before the rotation are still accepted.</li>
 *   <li>{@code retire <dir> <kid>}: removes an old public key from the set (once the tokens it signed expired).</li>
 * </ul>
 */
public class JwtKeyTool {

    private static final String PRIVATE_KEY = "private.pem";
    private static final String KEY_SET = "jwks.json";
    private static final Pattern JWK = Pattern.compile("\\{[^{}]*}");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "init" -> init(dir);
            case "rotate" -> rotate(dir);
            case "retire" -> {
                if (args.length != 3) {
                    usage();
                }
                retire(dir, args[2]);
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: java dev/JwtKeyTool.java init|rotate <directory>");
        System.err.println("       java dev/JwtKeyTool.java retire <directory> <kid>");
        System.exit(2);
    }

    private static void init(Path dir) throws IOException, GeneralSecurityException {
        if (Files.exists(dir.resolve(PRIVATE_KEY))) {
            if (!Files.exists(dir.resolve(KEY_SET))) {
                fail(dir.resolve(KEY_SET) + " is missing: restore it, or remove " + dir.resolve(PRIVATE_KEY)
                        + " to start afresh");
            }
            return;
        }
        createPrivateDirectory(dir);
        KeyPair pair = newPair();
        String kid = kid((RSAPublicKey) pair.getPublic());
        writeKeySet(dir, List.of(jwk((RSAPublicKey) pair.getPublic(), kid)));
        writePrivateKey(dir, (RSAPrivateKey) pair.getPrivate());
        System.out.println("Made JWT signing key " + kid + " in " + dir);
    }

    private static void rotate(Path dir) throws IOException, GeneralSecurityException {
        List<String> keys = readKeySet(dir);
        String current = currentKid(dir, keys);
        KeyPair pair = newPair();
        String kid = kid((RSAPublicKey) pair.getPublic());
        List<String> next = new ArrayList<>(keys);
        next.add(jwk((RSAPublicKey) pair.getPublic(), kid));
        // The set first: a server started between the two writes still finds its signing key in it.
        writeKeySet(dir, next);
        writePrivateKey(dir, (RSAPrivateKey) pair.getPrivate());
        System.out.println("New JWT signing key " + kid + " in " + dir + "; the key set still accepts " + current
                + ". Restart the server(s) to use it, and once the tokens signed before now have expired: "
                + "java dev/JwtKeyTool.java retire " + dir + " " + current);
    }

    private static void retire(Path dir, String kid) throws IOException, GeneralSecurityException {
        List<String> keys = readKeySet(dir);
        if (kid.equals(currentKid(dir, keys))) {
            fail(kid + " is the current signing key: rotate first");
        }
        List<String> kept = keys.stream().filter(key -> !kid.equals(member(key, "kid"))).toList();
        if (kept.size() == keys.size()) {
            fail("no key " + kid + " in " + dir.resolve(KEY_SET));
        }
        writeKeySet(dir, kept);
        System.out.println("Removed " + kid + " from " + dir.resolve(KEY_SET) + "; restart the server(s)");
    }

    private static KeyPair newPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The day and the first characters of the RFC 7638 thumbprint (SHA-256 of the canonical public JWK). */
    private static String kid(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + base64url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64url(key.getModulus()) + "\"}";
        byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return LocalDate.now(ZoneOffset.UTC) + "-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint).substring(0, 8);
    }

    private static String jwk(RSAPublicKey key, String kid) {
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + base64url(key.getModulus()) + "\",\"e\":\"" + base64url(key.getPublicExponent()) + "\"}";
    }

    /** Unsigned big-endian bytes, base64url without padding, as JWK wants them. */
    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The kid of the set's entry for the key in private.pem. */
    private static String currentKid(Path dir, List<String> keys) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(PRIVATE_KEY);
        if (!Files.exists(file)) {
            fail(file + " does not exist: make a key pair with: java dev/JwtKeyTool.java init " + dir);
        }
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String modulus = base64url(key.getModulus());
        for (String jwk : keys) {
            if (modulus.equals(member(jwk, "n"))) {
                return member(jwk, "kid");
            }
        }
        fail(dir.resolve(KEY_SET) + " has no public key for " + file);
        return null;
    }

    /** The flat JSON objects of the set's "keys" array (a public RSA JWK has no nested object). */
    private static List<String> readKeySet(Path dir) throws IOException {
        Path file = dir.resolve(KEY_SET);
        if (!Files.exists(file)) {
            fail(file + " does not exist: make a key pair with: java dev/JwtKeyTool.java init " + dir);
        }
        List<String> keys = new ArrayList<>();
        Matcher matcher = JWK.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
            keys.add(matcher.group());
        }
        return keys;
    }

    private static String member(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void writeKeySet(Path dir, List<String> keys) throws IOException {
        write(dir.resolve(KEY_SET), "{\"keys\":[\n" + String.join(",\n", keys) + "\n]}\n", "rw-r--r--");
    }

    private static void writePrivateKey(Path dir, RSAPrivateKey key) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        write(dir.resolve(PRIVATE_KEY), "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n",
                "rw-------");
    }

    /** Written beside the target, permissions set before it has content, then moved over it in one step. */
    private static void write(Path file, String content, String permissions) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            if (posix()) {
                Files.createDirectories(dir,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void fail(String message) {
        System.err.println("JwtKeyTool: " + message);
        System.exit(1);
    }
}
