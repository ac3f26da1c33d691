package dev.salesplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a frontend team does on day one: generate a {@code typescript-fetch} client from the
 * gateway's merged OpenAPI (openapi-generator as a library) and compile it with {@code tsc
 * --noEmit} (TypeScript from the npm registry, strict). Every method must come from an
 * {@code operationId}, unique across the document, and no model may be named with a numeric suffix
 * ({@code Row1}, what a name clash leaves) or be a bare abbreviation or generic word. Every
 * operation with its method and every model name go to {@code target/typescript-client.txt}.
 * Needs {@code node} and {@code npm} on the PATH. It only reads the document; it runs just before the
 * fuzz test ({@link Order}), which must stay last.
 */
@Order(Integer.MAX_VALUE - 1)
class TypeScriptClientE2eTest {

    /** Exact, so that a new TypeScript release cannot turn the build red on its own. */
    static final String TYPESCRIPT_VERSION = "7.0.2";

    /** Names a frontend developer would not write by hand: abbreviations and words that say nothing alone. */
    static final Set<String> BARE_NAMES = Set.of("Ae", "Csm", "Sdr", "Row", "Entry", "Point", "Reason", "Item", "Data");

    /** A trailing number is what openapi-generator appends to the second of two clashing names; {@code V1} is a version. */
    static final Pattern NUMERIC_SUFFIX = Pattern.compile(".*(?<![Vv\\d])\\d+");

    static final Path TARGET = Path.of("target");
    static final Path CLIENT_DIR = TARGET.resolve("typescript-client");
    static final Path TYPESCRIPT_DIR = TARGET.resolve("typescript");
    static final Path REPORT = TARGET.resolve("typescript-client.txt");

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TSC_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation of the document, with the operationId it declares (null if none). */
    record DocumentOperation(String method, String path, String operationId) {
        String key() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One generated method: the API class it is on, its name, and what it was named from. */
    record GeneratedMethod(String key, String apiClass, String name, String operationId) {
    }

    /**
     * typescript-fetch as is, recording what it generates: the methods per operation (their
     * {@code nickname} is the name in the generated API class) and the models' class names.
     */
    public static class RecordingTypeScriptFetchCodegen extends TypeScriptFetchClientCodegen {

        final List<GeneratedMethod> methods = new ArrayList<>();
        final Set<String> models = new TreeSet<>();

        @Override
        public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
            OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
            String apiClass = result.getOperations().getClassname();
            for (CodegenOperation operation : result.getOperations().getOperation()) {
                methods.add(new GeneratedMethod(operation.httpMethod.toUpperCase() + " " + operation.path, apiClass,
                        operation.nickname, operation.operationIdOriginal));
            }
            return result;
        }

        @Override
        public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
            Map<String, ModelsMap> result = super.postProcessAllModels(objs);
            result.values().forEach(models -> models.getModels().stream().map(ModelMap::getModel)
                    .map(CodegenModel::getClassname).forEach(this.models::add));
            return result;
        }
    }

    @Test
    void theGeneratedClientCompilesAndReadsAsAFrontendDeveloperWouldWriteIt() throws Exception {
        long t0 = System.nanoTime();
        String node = tool("node");
        String npm = tool("npm");

        Path document = fetchDocument();
        List<DocumentOperation> operations = operationsOf(JSON.readTree(document.toFile()));
        long fetched = System.nanoTime();

        RecordingTypeScriptFetchCodegen codegen = generate(document);
        long generated = System.nanoTime();

        Path tsc = installTypeScript(npm);
        long installed = System.nanoTime();

        Run compile = compile(node, tsc);
        long compiled = System.nanoTime();

        List<String> withoutOperationId = operations.stream().filter(o -> o.operationId() == null)
                .map(DocumentOperation::key).toList();
        Map<String, List<String>> duplicateOperationIds = operations.stream().filter(o -> o.operationId() != null)
                .collect(Collectors.groupingBy(DocumentOperation::operationId, LinkedHashMap::new,
                        Collectors.mapping(DocumentOperation::key, Collectors.toList())));
        duplicateOperationIds.values().removeIf(keys -> keys.size() < 2);
        List<String> numericSuffix = codegen.models.stream().filter(n -> NUMERIC_SUFFIX.matcher(n).matches()).toList();
        List<String> bare = codegen.models.stream().filter(BARE_NAMES::contains).toList();

        writeReport(operations, codegen, compile);
        System.out.printf("TypeScript client: %d methods (%d without operationId%s%s), %d models (numeric suffix: %s;"
                        + " bare: %s), tsc %s: %s; fetch %d ms, generate %d ms, npm %d ms, tsc %d ms; all names in %s%n",
                codegen.methods.size(), withoutOperationId.size(),
                duplicateOperationIds.isEmpty() ? "" : ", duplicate operationIds " + duplicateOperationIds.keySet(),
                withoutOperationId.isEmpty() ? "" : ", named like " + examples(codegen.methods.stream()
                        .filter(m -> m.operationId() == null).map(GeneratedMethod::name).toList()),
                codegen.models.size(), none(numericSuffix), none(bare), TYPESCRIPT_VERSION,
                compile.exitCode() == 0 ? "compiles" : "fails with " + compile.errorCount() + " errors",
                millis(t0, fetched), millis(fetched, generated), millis(generated, installed), millis(installed, compiled),
                REPORT.toAbsolutePath());

        assertAll(
                () -> assertEquals(0, compile.exitCode(), () -> "tsc --noEmit over the generated client failed (exit "
                        + compile.exitCode() + "), see " + REPORT.toAbsolutePath() + ":\n" + head(compile.output(), 80)),
                () -> assertEquals(operations.size(), codegen.methods.size(),
                        "one generated method per operation of the document"),
                () -> assertTrue(withoutOperationId.isEmpty(), () -> withoutOperationId.size() + " of " + operations.size()
                        + " operations have no operationId, so their methods are named after path and method: "
                        + withoutOperationId),
                () -> assertTrue(duplicateOperationIds.isEmpty(),
                        () -> "operationIds used by more than one operation: " + duplicateOperationIds),
                () -> assertTrue(numericSuffix.isEmpty(), () -> "models named with a numeric suffix: " + numericSuffix),
                () -> assertTrue(bare.isEmpty(), () -> "models named with a bare abbreviation or word: " + bare));
    }

    /** The merged document as the gateway serves it, saved beside the client it is generated from. */
    private static Path fetchDocument() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/q/openapi"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), () -> "the gateway's merged OpenAPI: " + answer.body());
        JsonNode root = JSON.readTree(answer.body());
        assertTrue(root.path("paths").size() > 0, "the merged OpenAPI has no paths: " + answer.body());
        assertTrue(!root.path("info").path("description").asText().contains("Not reachable"),
                () -> "an upstream is missing from the merged OpenAPI: " + root.path("info").path("description").asText());
        Files.createDirectories(TARGET);
        Path file = TARGET.resolve("merged-openapi.json");
        Files.writeString(file, answer.body());
        return file;
    }

    private static List<DocumentOperation> operationsOf(JsonNode root) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
        List<DocumentOperation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (methods.contains(operation.getKey())) {
                JsonNode id = operation.getValue().get("operationId");
                operations.add(new DocumentOperation(operation.getKey(), path.getKey(),
                        id == null || id.asText().isBlank() ? null : id.asText()));
            }
        }));
        return operations;
    }

    /** typescript-fetch with its defaults plus ES6 output, as the generator's CLI would run it. */
    private static RecordingTypeScriptFetchCodegen generate(Path document) throws IOException {
        deleteRecursively(CLIENT_DIR);
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(RecordingTypeScriptFetchCodegen.class.getName())
                .setInputSpec(document.toAbsolutePath().toString())
                .setOutputDir(CLIENT_DIR.toAbsolutePath().toString())
                .addAdditionalProperty("supportsES6", true)
                // the sources are what is checked: no Markdown docs, no test stubs
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false")
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false");
        ClientOptInput input = configurator.toClientOptInput();
        List<java.io.File> files = new DefaultGenerator().opts(input).generate();
        assertTrue(files.stream().anyMatch(f -> f.getName().equals("runtime.ts")),
                "openapi-generator wrote no runtime.ts into " + CLIENT_DIR.toAbsolutePath() + ": " + files);
        return (RecordingTypeScriptFetchCodegen) input.getConfig();
    }

    /** TypeScript into target/typescript (a package.json of its own); npm does nothing when it is there already. */
    private static Path installTypeScript(String npm) throws IOException, InterruptedException {
        Files.createDirectories(TYPESCRIPT_DIR);
        ObjectNode manifest = JSON.createObjectNode().put("name", "salesplatform-typescript-check").put("private", true);
        manifest.putObject("devDependencies").put("typescript", TYPESCRIPT_VERSION);
        Files.writeString(TYPESCRIPT_DIR.resolve("package.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        Run install = run(List.of(npm, "install", "--no-audit", "--no-fund"), TYPESCRIPT_DIR,
                TARGET.resolve("typescript-npm.log"), NPM_TIMEOUT);
        if (install.exitCode() != 0) {
            fail("npm install typescript@" + TYPESCRIPT_VERSION + " failed (exit " + install.exitCode() + "):\n"
                    + head(install.output(), 40));
        }
        Path packageJson = TYPESCRIPT_DIR.resolve("node_modules/typescript/package.json");
        JsonNode installed = JSON.readTree(packageJson.toFile());
        assertEquals(TYPESCRIPT_VERSION, installed.path("version").asText(), "the TypeScript npm installed");
        return packageJson.resolveSibling(installed.path("bin").path("tsc").asText("bin/tsc"));
    }

    private static Run compile(String node, Path tsc) throws IOException, InterruptedException {
        ObjectNode options = JSON.createObjectNode()
                .put("target", "es2020")
                .put("module", "es2020")
                .put("moduleResolution", "bundler")
                .put("strict", true)
                .put("noImplicitReturns", true)
                .put("noFallthroughCasesInSwitch", true)
                .put("forceConsistentCasingInFileNames", true)
                .put("isolatedModules", true)
                .put("noEmit", true)
                // the generated sources are what is checked, not TypeScript's own declaration files
                .put("skipLibCheck", true);
        options.putArray("lib").add("dom").add("es2020");
        ObjectNode tsconfig = JSON.createObjectNode().set("compilerOptions", options);
        tsconfig.putArray("include").add("**/*.ts");
        Files.writeString(CLIENT_DIR.resolve("tsconfig.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tsconfig));
        return run(List.of(node, tsc.toAbsolutePath().toString(), "--noEmit", "--pretty", "false", "-p",
                CLIENT_DIR.resolve("tsconfig.json").toAbsolutePath().toString()), CLIENT_DIR,
                TARGET.resolve("typescript-tsc.log"), TSC_TIMEOUT);
    }

    private static void writeReport(List<DocumentOperation> operations, RecordingTypeScriptFetchCodegen codegen, Run compile)
            throws IOException {
        Map<String, GeneratedMethod> byKey = codegen.methods.stream()
                .collect(Collectors.toMap(GeneratedMethod::key, m -> m, (a, b) -> a, LinkedHashMap::new));
        StringBuilder report = new StringBuilder("# typescript-fetch client of the merged OpenAPI, TypeScript "
                + TYPESCRIPT_VERSION + "\n\n## Operations -> generated methods (" + operations.size() + ")\n");
        for (DocumentOperation operation : operations) {
            GeneratedMethod method = byKey.get(operation.key());
            report.append(operation.key()).append(" -> ")
                    .append(method == null ? "(no method)" : method.apiClass() + "." + method.name())
                    .append(operation.operationId() == null ? "  [no operationId]" : "  [operationId " + operation.operationId() + "]")
                    .append('\n');
        }
        report.append("\n## Models (").append(codegen.models.size()).append(")\n");
        codegen.models.forEach(name -> report.append(name).append('\n'));
        report.append("\n## tsc --noEmit: exit ").append(compile.exitCode()).append('\n').append(compile.output());
        Files.writeString(REPORT, report);
    }

    /** The tool's executable on the PATH: looked up rather than run, since {@code npm --version} alone takes a second or two. */
    private static String tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseGet(() -> fail(name + " is missing: this test compiles the generated TypeScript client with Node.js"
                        + " and npm (Node 18 or newer) found on the PATH (" + path + "); install them, e.g. apt-get install"
                        + " nodejs npm"));
    }

    record Run(int exitCode, String output) {
        long errorCount() {
            return output.lines().filter(l -> l.contains("error TS")).count();
        }
    }

    /** Runs a command to its end, its output merged into {@code log}, failing the test on a timeout. */
    private static Run run(List<String> command, Path dir, Path log, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not end within " + timeout + ", see " + log.toAbsolutePath());
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String head(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.size() <= lines ? text
                : String.join("\n", all.subList(0, lines)) + "\n... (" + (all.size() - lines) + " more lines)";
    }

    private static String examples(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + ", ...";
    }

    private static String none(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }
}
