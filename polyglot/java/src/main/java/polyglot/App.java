// A Java user's app, run by polyglot/run.js beside the published aws-cdk-lib (Maven) of one version.
// run.js rewrites the import marked polyglot:library to the line's Java package, and adds Nag2.java or
// Nag3.java (the cdk-nag of the setup). Prints one JSON line: the synthesized AppClient resource, the
// checks passed, and what was observed; exits non-zero on a failed assertion.
package polyglot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;

import io.github.cdkcognitoappclient.*; // polyglot:library

public final class App {
    static final String CLIENT = "AWS::Cognito::UserPoolClient";
    static final String HTTPS_RULE = "AppClientChecks-redirect-uri-https";
    static final List<String> checked = new ArrayList<>();
    /** Checks that failed but let the others run. */
    static final List<String> failures = new ArrayList<>();
    static final Map<String, Object> observed = new LinkedHashMap<>();

    record Setup(software.amazon.awscdk.App app, Stack stack, UserPool userPool) {}

    /** The README's client: a 330-second access token, refresh tokens for 7 days, rotation on. */
    static Setup appWithClient() throws Exception {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
            .outdir(Files.createTempDirectory("polyglot-java-").toString()).build());
        Stack stack = new Stack(app, "Auth");
        UserPool userPool = new UserPool(stack, "Pool");
        AppClient.Builder.create(stack, "Web")
            .userPool(userPool)
            .oAuth(AppClientOAuthSettings.builder().callbackUrls(List.of("https://app.example.org/callback")).build())
            .accessTokenValidity(Duration.seconds(330))
            .refreshTokenValidity(Duration.days(7))
            .refreshTokenRotation(true)
            .build();
        return new Setup(app, stack, userPool);
    }

    /** An aws-cdk-lib L2 client with a plain-http callback: the pack must report redirect-uri-https. */
    static UserPoolClient addHttpClient(UserPool userPool) {
        return userPool.addClient("Legacy", UserPoolClientOptions.builder()
            .oAuth(OAuthSettings.builder().callbackUrls(List.of("http://legacy.example.org/callback")).build())
            .build());
    }

    static Map<String, String> describe(Throwable e) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("type", e.getClass().getName());
        d.put("message", String.valueOf(e.getMessage()));
        return d;
    }

    static void check(boolean ok, String message) {
        if (!ok) throw new AssertionError(message);
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        // (a) AppClient synthesizes the README's client.
        Setup s = appWithClient();
        Map<String, Object> template = (Map<String, Object>) s.app().synth().getStackByName("Auth").getTemplate();
        ObjectMapper json = new ObjectMapper();
        template = json.readValue(json.writeValueAsString(template), Map.class);
        List<Object> clients = new ArrayList<>();
        for (Object r : ((Map<String, Object>) template.get("Resources")).values()) {
            if (CLIENT.equals(((Map<String, Object>) r).get("Type"))) clients.add(r);
        }
        check(clients.size() == 1, "expected one " + CLIENT + ", found " + clients.size());
        checked.add("(a) AppClient synthesizes");

        // (b) the cdk-nag pack reports an L2 client with a plain-http callback (Nag2.java or Nag3.java).
        Nag.check();

        // (c) an imported client's reference. The typed call (imported.getUserPoolClientRef()) needs
        // an aws-cdk-lib whose IUserPoolClient has it (2.251 and later); on older releases the
        // property is read through the jsii kernel, as the JavaScript object has it.
        {
            Setup t = appWithClient();
            IUserPoolClient imported = AppClient.fromUserPoolClientId(t.stack(), "Imported", "abc123");
            Method getter = null;
            try {
                getter = IUserPoolClient.class.getMethod("getUserPoolClientRef");
            } catch (NoSuchMethodException e) {
                observed.put("importedRefVia", "software.amazon.jsii.Kernel.get (no IUserPoolClient.getUserPoolClientRef in this aws-cdk-lib)");
            }
            try {
                Object ref;
                if (getter != null) {
                    try {
                        ref = getter.invoke(imported);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                } else {
                    ref = software.amazon.jsii.Kernel.get(imported, "userPoolClientRef", software.amazon.jsii.NativeType.forClass(AppClientReference.class));
                }
                String clientId = (String) ref.getClass().getMethod("getClientId").invoke(ref);
                observed.put("importedRef", Map.of("clientId", clientId, "type", ref.getClass().getName()));
                if ("abc123".equals(clientId)) checked.add("(c) imported userPoolClientRef.clientId is abc123");
                else failures.add("(c) imported userPoolClientRef.clientId is " + clientId + ", not abc123");
            } catch (Throwable e) {
                observed.put("importedRefError", describe(e));
                if (getter != null) failures.add("(c) imported getUserPoolClientRef() throws " + e.getClass().getName() + ": " + e.getMessage().split("\n")[0]);
                else checked.add("(c) not typed in this aws-cdk-lib; through the kernel: " + e.getClass().getSimpleName());
            }
        }

        // (d) a construction error, caught by its message code.
        {
            Setup t = appWithClient();
            try {
                AppClient.Builder.create(t.stack(), "Bad").userPool(t.userPool()).refreshTokenValidity(Duration.seconds(0)).build();
                failures.add("(d) AppClient with refreshTokenValidity 0 did not throw");
            } catch (RuntimeException e) {
                observed.put("constructionError", describe(e));
                if (String.valueOf(e.getMessage()).contains("token-refresh-zero")) checked.add("(d) construction error " + e.getClass().getSimpleName() + " names token-refresh-zero");
                else failures.add("(d) no token-refresh-zero in the " + e.getClass().getName() + ": " + e.getMessage());
            }
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", clients.get(0));
        out.put("checked", checked);
        out.put("failures", failures);
        out.put("observed", observed);
        System.out.println(json.writeValueAsString(out));
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
