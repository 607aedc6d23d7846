package io.snapshotbatch.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jobs/iam/snapshot-batch-policy.json grants exactly the AWS actions the job calls. The actions are
 * derived from the compiled code (every call, method reference included, on an AWS SDK service client),
 * never listed here, so a new operation in the code without its permission fails this test, and so does
 * a permission the code no longer needs.
 */
class IamPolicyTests {

    static final Path POLICY = Path.of("jobs", "iam", "snapshot-batch-policy.json");

    static final Path CLASSES = Path.of("target", "classes");

    /** IAM prefixes of the SDK's service packages where the two differ. */
    static final Map<String, String> IAM_PREFIX = Map.of("partnercentralselling", "partnercentral");

    /** Operations AWS answers without any permission (STS GetCallerIdentity says so in its documentation). */
    static final Set<String> NEED_NO_PERMISSION = Set.of("sts:GetCallerIdentity");

    @Test
    void thePolicyGrantsExactlyTheActionsTheCodeCalls() throws IOException {
        // given
        Set<String> called = actionsCalledByTheCode();
        JsonNode statement = policyStatement();

        // then
        assertThat(called).as("derived from target/classes").contains("partnercentral:CreateResourceSnapshot");
        assertThat(strings(statement.path("Action"))).as("actions in " + POLICY).containsExactlyInAnyOrderElementsOf(called);
    }

    @Test
    void thePolicyIsLeastPrivilegeWithACatalogCondition() throws IOException {
        // given
        JsonNode statement = policyStatement();

        // then
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(strings(statement.path("Action"))).allSatisfy((action) -> assertThat(action).doesNotContain("*", "?"));
        assertThat(strings(statement.path("Condition").path("StringEquals").path("partnercentral:Catalog")))
            .containsExactlyInAnyOrder("AWS", "Sandbox");
    }

    private static JsonNode policyStatement() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(policy.path("Statement")).hasSize(1);
        return policy.path("Statement").get(0);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach((value) -> values.add(value.asText()));
        }
        else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    /** IAM actions of every SDK service operation the compiled classes invoke. */
    static Set<String> actionsCalledByTheCode() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    new ClassReader(in).accept(new CallCollector(actions), ClassReader.SKIP_DEBUG);
                }
            }
        }
        actions.removeAll(NEED_NO_PERMISSION);
        return actions;
    }

    /** {@code software/amazon/awssdk/services/<service>/<X>Client.<operation>} as {@code <prefix>:<Operation>}, or null. */
    static String action(String owner, String method) {
        String[] parts = owner.split("/");
        if (parts.length != 6 || !owner.startsWith("software/amazon/awssdk/services/") || !parts[5].endsWith("Client")) {
            return null;
        }
        String operation = Character.toUpperCase(method.charAt(0)) + method.substring(1);
        operation = operation.endsWith("Paginator") ? operation.substring(0, operation.length() - "Paginator".length()) : operation;
        String request = String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4]) + ".model." + operation + "Request";
        try {
            // Only methods that send a request of the service's model are operations (not close(), utilities(), ...).
            Class.forName(request, false, IamPolicyTests.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            return null;
        }
        return IAM_PREFIX.getOrDefault(parts[4], parts[4]).toLowerCase(Locale.ROOT) + ":" + operation;
    }

    private static final class CallCollector extends ClassVisitor {

        private final Set<String> actions;

        CallCollector(Set<String> actions) {
            super(Opcodes.ASM9);
            this.actions = actions;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
                    add(owner, method);
                }

                @Override
                public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            add(handle.getOwner(), handle.getName());
                        }
                    }
                }

            };
        }

        private void add(String owner, String method) {
            String action = action(owner, method);
            if (action != null) {
                this.actions.add(action);
            }
        }

    }

}
