package io.switchboard.it;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant isolation and role gates, proven for every operation the server has (PL4), generated rather than written:
 * the operations come from the server's OpenAPI document, and every JAX-RS method of the web module must be in it
 * (so a new endpoint is covered without a test of its own, and one missing from the document fails here). For every
 * operation:
 * <ul>
 *   <li>anonymous: 401, unless the method is {@code @PermitAll} (sign-in, public images, signed provider webhooks);</li>
 *   <li>the platform operator: 403 everywhere but its own tenant endpoints;</li>
 *   <li>every tenant role (agent, supervisor, admin, integration) of tenant {@code demo} the method's
 *       {@code @RolesAllowed} leaves out: 403;</li>
 *   <li>every tenant role of {@code demo}, with each path id naming a resource of tenant {@code northwind}: a refusal
 *       (400, 403, 404, 405, 415 or 422; never success, never a 409 that would tell the foreign resource's state,
 *       never 401 or 5xx);</li>
 *   <li>an agent naming another agent of their own tenant: never success;</li>
 *   <li>and no answer to a {@code demo} user, whatever its status, carries anything of {@code northwind}'s data.</li>
 * </ul>
 */
class AuthorizationMatrixIT extends ServerTest {

    private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 405, 415, 422);
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    /** An operation of the document, with the media type its request body takes (JSON when it takes several). */
    private record Operation(String method, String path, String mediaType) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Operation o && o.method.equals(method) && o.path.equals(path);
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }

    /** How the server's code gates an operation: public, or the roles allowed. */
    private record Gate(boolean permitAll, Set<String> roles) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyOperationRefusesWhoItMustAndNeverShowsAnotherTenantsData() throws Exception {
        Map<Operation, Gate> code = operationsInTheCode();
        Set<Operation> documented = operationsInTheDocument();
        Set<String> documentedNames = new TreeSet<>();
        documented.forEach(operation -> documentedNames.add(operation.toString()));
        Set<String> undocumented = new TreeSet<>();
        code.keySet().stream().map(Operation::toString).filter(name -> !documentedNames.contains(name))
                .forEach(undocumented::add);
        assertTrue(undocumented.isEmpty(), "operations missing from the OpenAPI document: " + undocumented);
        assertTrue(documented.size() > 100, "the document really lists the API: " + documented.size());

        Foreign northwind = foreignTenant();
        Map<String, String> demo = new LinkedHashMap<>();
        demo.put("agent", fixtures.agent("chat").token());
        demo.put("supervisor", fixtures.supervisor().token());
        demo.put("admin", fixtures.adminToken());
        demo.put("integration", fixtures.integrationToken());
        String operator = api.post("/api/auth/operator", null, Json.createObjectBuilder().add("login", "operator")
                .add("password", System.getProperty("switchboard.test.operator.password", "Operator-local-1"))
                .build().toString()).json().getString("token");
        Fixtures.TestAgent colleague = fixtures.agent("chat");

        int calls = 0;
        for (Operation operation : documented) {
            Gate gate = code.get(new Operation(operation.method(), operation.path(), null));
            assertTrue(gate != null, operation + " is in the document but not in the code");
            String foreignPath = substitute(operation.path(), northwind.ids());

            Reply anonymous = call(operation, foreignPath, null);
            calls++;
            if (!gate.permitAll()) {
                expect(anonymous.status() == 401, operation, "anonymous", anonymous);
            } else {
                expect(anonymous.status() < 500, operation, "anonymous", anonymous);
            }
            if (!operation.path().startsWith("/api/operator/") && !gate.permitAll()) {
                Reply asOperator = call(operation, foreignPath, operator);
                calls++;
                expect(asOperator.status() == 403, operation, "the operator", asOperator);
            }
            if (gate.permitAll()) {
                continue;
            }
            for (Map.Entry<String, String> role : demo.entrySet()) {
                Reply reply = call(operation, foreignPath, role.getValue());
                calls++;
                String who = "demo's " + role.getKey() + " with northwind's ids";
                if (!gate.roles().contains(role.getKey())) {
                    expect(reply.status() == 403, operation, who + " (role not allowed)", reply);
                } else if (PARAMETER.matcher(operation.path()).find()) {
                    expect(REFUSALS.contains(reply.status()), operation, who, reply);
                } else {
                    expect(reply.status() < 500 && reply.status() != 401, operation, who, reply);
                }
                expect(northwind.absentFrom(reply.body(), foreignPath), operation,
                        who + " (northwind's data in the answer)", reply);
            }
            if (operation.path().contains("{agentId}") && gate.roles().contains("agent")) {
                String otherAgent = substitute(operation.path(), Map.of("agentId", colleague.id()));
                otherAgent = substitute(otherAgent, northwind.ids());
                Reply reply = call(operation, otherAgent, demo.get("agent"));
                calls++;
                expect(reply.status() >= 400 && reply.status() < 500 && reply.status() != 409, operation,
                        "an agent naming a colleague", reply);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls were answered wrongly:\n"
                + String.join("\n", failures));
        assertTrue(northwind.stillThere(api), "nothing of northwind was changed or deleted by the calls");
    }

    // --- the operations ---

    private Set<Operation> operationsInTheDocument() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(api.base()
                + "/openapi?format=JSON")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        JsonObject paths;
        try (var reader = Json.createReader(new java.io.StringReader(document.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        Set<Operation> operations = new TreeSet<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    JsonObject body = paths.getJsonObject(path).getJsonObject(method).getJsonObject("requestBody");
                    Set<String> types = body == null || !body.containsKey("content") ? Set.of()
                            : body.getJsonObject("content").keySet();
                    String type = types.isEmpty() || types.contains("application/json") ? "application/json"
                            : types.iterator().next();
                    operations.add(new Operation(method.toUpperCase(java.util.Locale.ROOT), path, type));
                }
            }
        }
        return operations;
    }

    /**
     * Every resource method of the web module with its full path and its gate, read from the class files'
     * annotations (the JAX-RS and security annotation types are not on this test's classpath).
     */
    private static Map<Operation, Gate> operationsInTheCode() {
        Map<Operation, Gate> operations = new LinkedHashMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard.interfaces.rest")) {
            Optional<String> base = value(type.getAnnotations(), "jakarta.ws.rs.Path");
            if (base.isEmpty()) {
                continue;
            }
            Set<String> classRoles = roles(type.getAnnotations());
            for (JavaMethod method : type.getMethods()) {
                Set<? extends JavaAnnotation<?>> annotations = method.getAnnotations();
                Optional<String> verb = annotations.stream().map(a -> a.getRawType().getFullName())
                        .filter(VERBS::containsKey).map(VERBS::get).findFirst();
                if (verb.isEmpty()) {
                    continue;
                }
                String path = normalise("/api/" + base.get() + value(annotations, "jakarta.ws.rs.Path")
                        .map(sub -> "/" + sub).orElse(""));
                boolean permitAll = annotations.stream()
                        .anyMatch(a -> a.getRawType().getFullName().equals("jakarta.annotation.security.PermitAll"));
                Set<String> methodRoles = roles(annotations);
                operations.put(new Operation(verb.get(), path, null),
                        new Gate(permitAll, methodRoles.isEmpty() ? classRoles : methodRoles));
            }
        }
        return operations;
    }

    private static final Map<String, String> VERBS = Map.of("jakarta.ws.rs.GET", "GET", "jakarta.ws.rs.POST",
            "POST", "jakarta.ws.rs.PUT", "PUT", "jakarta.ws.rs.DELETE", "DELETE", "jakarta.ws.rs.PATCH", "PATCH");

    private static Optional<String> value(Set<? extends JavaAnnotation<?>> annotations, String type) {
        return annotations.stream().filter(a -> a.getRawType().getFullName().equals(type)).findFirst()
                .flatMap(a -> a.get("value")).map(Object::toString);
    }

    private static Set<String> roles(Set<? extends JavaAnnotation<?>> annotations) {
        return annotations.stream()
                .filter(a -> a.getRawType().getFullName().equals("jakarta.annotation.security.RolesAllowed"))
                .findFirst().flatMap(a -> a.get("value")).map(v -> Set.of((String[]) v)).orElse(Set.of());
    }

    private static String normalise(String path) {
        String single = path.replaceAll("/+", "/").replaceAll("\\{\\s*([A-Za-z]+)\\s*:[^}]*}", "{$1}");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }

    private static String substitute(String path, Map<String, String> ids) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder result = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String key = name.equals("id") ? "id:" + path.substring(0, parameter.start()) : name;
            String value = ids.get(key);
            if (value == null) {
                // left as it is for a later substitution; an unknown one fails at the end
                value = parameter.group(0);
            }
            parameter.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(result);
        return result.toString();
    }

    // --- calls ---

    private record Reply(int status, String body) {
    }

    private Reply call(Operation operation, String path, String token) throws Exception {
        assertTrue(!path.contains("{"), operation + ": the matrix does not know what to put in " + path
                + " — teach foreignTenant() about it");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
        switch (operation.method()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", operation.mediaType()).method(operation.method(), body);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private void expect(boolean right, Operation operation, String who, Reply reply) {
        if (!right) {
            failures.add(operation + " by " + who + ": " + reply.status() + " "
                    + reply.body().substring(0, Math.min(200, reply.body().length())));
        }
    }

    // --- the other tenant ---

    /** Resources of tenant northwind, by the path parameter that names them, and the marks of its data. */
    private record Foreign(Map<String, String> ids, List<String> marks, String templateId, String workflow,
                           String adminToken) {

        /** No mark of northwind's data in the answer, once what the caller sent (the path's ids) is taken out. */
        boolean absentFrom(String body, String path) {
            String answered = body.replace(path, "");
            for (String id : ids.values()) {
                answered = answered.replace(id, "");
            }
            String left = answered;
            return marks.stream().noneMatch(left::contains);
        }

        boolean stillThere(Api api) {
            return api.get("/api/admin/outbound/templates", adminToken).text().contains(templateId)
                    && api.get("/api/admin/workflows", adminToken).text().contains(workflow);
        }
    }

    private Foreign foreignTenant() {
        String admin = signIn("admin");
        String supervisor = signIn("sup1");
        String integration = signIn("backoffice");
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String customer = "nw-" + mark + "@example.com";
        String customerName = "Northwind Customer " + mark;

        JsonObject interaction = api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", "northwind-widget").add("customerAddress", customer)
                .add("content", Json.createObjectBuilder().add("customerName", customerName)
                        .add("message", "secret " + mark))
                .add("idempotencyKey", "matrix-" + mark).build().toString()).json();
        String interactionId = interaction.getString("interactionId");
        String customerId = interaction.getString("customerId");
        String queueId = interaction.getString("queueId");
        String agentId = api.get("/api/admin/agents", admin).array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("login").equals("agent01")).findFirst().orElseThrow()
                .getString("agentId");
        String templateName = "nw-template-" + mark;
        Api.Reply template = api.post("/api/admin/outbound/templates", admin, Json.createObjectBuilder()
                .add("channel", "SMS").add("name", templateName).add("body", "Northwind says " + mark).build()
                .toString());
        assertEquals(201, template.status(), template.toString());
        String workflow = "nw-flow-" + mark;
        Api.Reply flow = api.post("/api/admin/workflows", admin, Json.createObjectBuilder().add("name", workflow)
                .add("label", "Northwind flow " + mark).build().toString());
        assertTrue(flow.status() == 201 || flow.status() == 200, flow.toString());
        String reason = "NW" + mark.toUpperCase(java.util.Locale.ROOT).replace("-", "");
        Api.Reply code = api.post("/api/admin/reason-codes", admin, Json.createObjectBuilder().add("code", reason)
                .add("label", "Northwind reason " + mark).build().toString());
        assertEquals(201, code.status(), code.toString());
        String tenantId = api.post("/api/auth/operator", null, Json.createObjectBuilder().add("login", "operator")
                .add("password", System.getProperty("switchboard.test.operator.password", "Operator-local-1"))
                .build().toString()).json().getString("token");
        String northwindId = api.get("/api/operator/tenants", tenantId).array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("code").equals("northwind")).findFirst().orElseThrow()
                .getString("id");
        assertTrue(supervisor != null);

        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("agentId", agentId);
        ids.put("interactionId", interactionId);
        ids.put("queueId", queueId);
        ids.put("tenantId", northwindId);
        ids.put("code", reason);
        ids.put("name", workflow);
        ids.put("file", "note.txt");
        ids.put("reply", UUID.randomUUID().toString());
        ids.put("entryPoint", UUID.randomUUID().toString());
        ids.put("token", "A".repeat(43));
        ids.put("id:/api/admin/outbound/templates/", template.json().getString("templateId"));
        ids.put("id:/api/outbound/templates/", template.json().getString("templateId"));
        ids.put("id:/api/admin/routing/queues/", queueId);
        ids.put("id:/api/consultations/", UUID.randomUUID().toString());
        ids.put("id:/api/customers/", customerId);
        ids.put("id:/api/interactions/", interactionId);
        ids.put("id:/api/integration/interactions/", interactionId);
        return new Foreign(ids, List.of(mark, "Northwind", "northwind.example"), template.json().getString("templateId"),
                workflow, admin);
    }

    private String signIn(String login) {
        Api.Reply reply = api.post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", "northwind")
                .add("login", login).add("password", "switchboard").build().toString());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("token");
    }
}
