package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The five src/main/docker/Dockerfile.jvm: one text, a non-root fast-jar image on the base compose names. */
class DockerfileTest {

    static final List<String> SERVICES = ServiceConfig.SERVICES;

    /** The image's user, also the runAsUser of the Kubernetes manifests. */
    static final Pattern NUMERIC_USER = Pattern.compile("(\\d+):(\\d+)");

    @Test
    void isTheSameTextInEveryService() {
        String first = Repo.read(SERVICES.getFirst() + "/" + Dockerfile.PATH);
        for (String service : SERVICES) {
            assertEquals(first, Repo.read(service + "/" + Dockerfile.PATH),
                    service + "'s Dockerfile differs from " + SERVICES.getFirst() + "'s: they must stay one text");
            assertEquals(Repo.read(SERVICES.getFirst() + "/.dockerignore"), Repo.read(service + "/.dockerignore"));
        }
    }

    @Test
    void takesItsBaseImageFromTheBuildWithoutADefault() {
        List<Dockerfile.Instruction> instructions = dockerfile().instructions();
        assertEquals(new Dockerfile.Instruction("ARG", "JAVA_BASE_IMAGE"), instructions.getFirst(),
                "the base image is a build argument without a default (named once, in docker-compose.yml)");
        assertEquals(new Dockerfile.Instruction("FROM", "${JAVA_BASE_IMAGE}"), instructions.get(1));
        assertEquals(1, dockerfile().arguments("FROM").size(), "one stage");
    }

    @Test
    void runsAsANonRootUser() {
        List<String> users = dockerfile().arguments("USER");
        assertEquals(1, users.size());
        assertTrue(runAsUser() > 0 && runAsGroup() > 0, "USER " + users.getFirst() + " is root");
        List<Dockerfile.Instruction> instructions = dockerfile().instructions();
        int user = instructions.indexOf(new Dockerfile.Instruction("USER", users.getFirst()));
        assertTrue(instructions.subList(user + 1, instructions.size()).stream()
                .noneMatch(i -> i.keyword().equals("RUN") || i.keyword().equals("COPY")), "nothing runs as root after USER");
    }

    static int runAsUser() {
        return Integer.parseInt(user().group(1));
    }

    static int runAsGroup() {
        return Integer.parseInt(user().group(2));
    }

    private static Matcher user() {
        String user = dockerfile().arguments("USER").getFirst();
        Matcher matcher = NUMERIC_USER.matcher(user);
        assertTrue(matcher.matches(), "USER " + user + " is not numeric uid:gid, which runAsNonRoot cannot verify");
        return matcher;
    }

    @Test
    void copiesTheFastJarDependenciesFirst() {
        assertEquals(List.of(
                "target/quarkus-app/lib/ /deployments/lib/",
                "target/quarkus-app/quarkus-run.jar /deployments/",
                "target/quarkus-app/app/ /deployments/app/",
                "target/quarkus-app/quarkus/ /deployments/quarkus/"), dockerfile().arguments("COPY"));
        assertTrue(Repo.read(SERVICES.getFirst() + "/.dockerignore").lines().toList().contains("!target/quarkus-app/"),
                "the build context keeps the fast-jar");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void copiesWhatTheBuildProduced(String service) {
        Path app = Repo.path(service + "/target/quarkus-app");
        if (Files.isDirectory(app)) {
            for (String copied : List.of("lib", "quarkus-run.jar", "app", "quarkus")) {
                assertTrue(Files.exists(app.resolve(copied)), service + " built no target/quarkus-app/" + copied);
            }
        }
        assertTrue(Repo.read(service + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>"),
                service + " is built by the Quarkus plugin (fast-jar by default)");
    }

    @Test
    void startsJavaAsPidOneWithAContainerAwareHeap() {
        assertEquals(List.of("[\"/bin/sh\", \"-c\", \"exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar\"]"),
                dockerfile().arguments("ENTRYPOINT"));
        String env = String.join(" ", dockerfile().arguments("ENV"));
        assertTrue(env.contains("-XX:MaxRAMPercentage="), "the heap follows the container's memory limit");
        assertTrue(dockerfile().envNames().containsAll(List.of("JAVA_OPTS", "JAVA_OPTS_APPEND")));
    }

    @Test
    void exposesTheApiAndManagementPorts() {
        assertEquals(List.of("${API_PORT} ${MANAGEMENT_PORT}"), dockerfile().arguments("EXPOSE"));
        assertTrue(dockerfile().arguments("ARG").containsAll(List.of("API_PORT", "MANAGEMENT_PORT")));
    }

    static Dockerfile dockerfile() {
        return Dockerfile.of(SERVICES.getFirst());
    }
}
