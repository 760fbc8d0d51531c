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
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;

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

    static final List<String> SATELLITES = List.of("AWS::Cognito::ManagedLoginBranding", "AWS::Cognito::Terms", "AWS::Cognito::UserPoolClientSessionConfigurationAttachment");
    static final String LOGO = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\"><circle cx=\"4\" cy=\"4\" r=\"4\" fill=\"#232f3e\"/></svg>\n";

    /** The stack Auth's resources, synthesized, as plain Java maps (in the template's order). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> resources(software.amazon.awscdk.App app) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> template = json.readValue(json.writeValueAsString(app.synth().getStackByName("Auth").getTemplate()), Map.class);
        return (Map<String, Object>) template.get("Resources");
    }

    static AppClientOAuthSettings callback() {
        return AppClientOAuthSettings.builder().callbackUrls(List.of("https://app.example.org/callback")).build();
    }

    static TermsLink link(TermsLanguage language, String url) {
        return TermsLink.builder().language(language).url(url).build();
    }

    /** The pool's session tracking, which the client's SSO session setting depends on. */
    static void sessionTracking(Stack stack, UserPool userPool, int maxPerUser) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("UserPoolId", userPool.getUserPoolId());
        properties.put("UserSessionTracking", "ENABLED");
        properties.put("TokenSession", Map.of("MaxPerUser", maxPerUser));
        CfnResource.Builder.create(stack, "SessionTracking").type("AWS::Cognito::UserPoolSessionConfigurationAttachment").properties(properties).build();
    }

    /**
     * (e) the client's satellites: compat/satellites.js's app (compared by run.js with
     * compat/expected-satellites.json) and the README's v2 sign-in client (each resource found by its
     * handle's logical id, compared by run.js with the README's output).
     */
    @SuppressWarnings("unchecked")
    static void satellites(Map<String, Object> out) throws Exception {
        List<String> notCfn = new ArrayList<>();
        {
            software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .outdir(Files.createTempDirectory("polyglot-java-").toString()).build());
            Stack stack = new Stack(app, "Auth");
            UserPool userPool = new UserPool(stack, "Pool");
            UserPoolDomain domain = userPool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix("example-shop").build()).build());
            ((CfnResource) domain.getNode().getDefaultChild()).addPropertyOverride("ManagedLoginVersion", 2);
            sessionTracking(stack, userPool, 20);
            java.nio.file.Path logo = Files.createTempDirectory("polyglot-java-").resolve("logo.svg");
            Files.writeString(logo, LOGO);
            AppClient web = AppClient.Builder.create(stack, "Web")
                .userPool(userPool)
                .oAuth(callback())
                .managedLogin(ManagedLoginStyle.fromSettings(
                    Map.of("categories", Map.of("global", Map.of("colorSchemeMode", "LIGHT"))),
                    List.of(BrandingAsset.fromFile(logo.toString(), BrandingAssetOptions.builder().category(AssetCategory.FORM_LOGO).colorMode(ColorMode.LIGHT).build()))))
                .terms(TermsDocuments.builder()
                    .termsOfUse(List.of(link(TermsLanguage.DEFAULT, "https://app.example.org/terms")))
                    .privacyPolicy(List.of(link(TermsLanguage.DEFAULT, "https://app.example.org/privacy"), link(TermsLanguage.GERMAN, "https://app.example.org/de/datenschutz")))
                    .build())
                .ssoSessionValidity(Duration.hours(8))
                .build();
            CfnResource[] handles = { web.getManagedLoginBranding(), web.getTermsOfUse(), web.getPrivacyPolicy(), web.getSsoSessionAttachment() };
            for (int i = 0; i < handles.length; i++) if (handles[i] == null || !CfnResource.isCfnResource(handles[i])) notCfn.add("handle " + i);
            Map<String, Object> satellites = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : resources(app).entrySet()) {
                if (SATELLITES.contains(((Map<String, Object>) e.getValue()).get("Type"))) satellites.put(e.getKey(), e.getValue());
            }
            out.put("satellites", satellites);
        }
        {
            software.amazon.awscdk.App app = new software.amazon.awscdk.App(AppProps.builder()
                .outdir(Files.createTempDirectory("polyglot-java-").toString()).build());
            Stack stack = new Stack(app, "Auth");
            UserPool userPool = new UserPool(stack, "UserPool");
            UserPoolDomainOptions.Builder domainOptions = UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix("example-shop").build());
            // managedLoginVersion(ManagedLoginVersion.NEWER_MANAGED_LOGIN) where this aws-cdk-lib has
            // it (2.177 and later), through reflection: this file compiles against 2.100.0 as well.
            Class<?> version = null;
            try {
                version = Class.forName("software.amazon.awscdk.services.cognito.ManagedLoginVersion");
            } catch (ClassNotFoundException e) {
                // the README's override, below
            }
            if (version != null) {
                UserPoolDomainOptions.Builder.class.getMethod("managedLoginVersion", version).invoke(domainOptions, version.getField("NEWER_MANAGED_LOGIN").get(null));
                userPool.addDomain("Domain", domainOptions.build());
                observed.put("managedLoginVersionVia", "managedLoginVersion(ManagedLoginVersion.NEWER_MANAGED_LOGIN)");
            } else {
                UserPoolDomain domain = userPool.addDomain("Domain", domainOptions.build());
                ((CfnResource) domain.getNode().getDefaultChild()).addPropertyOverride("ManagedLoginVersion", 2);
                observed.put("managedLoginVersionVia", "addPropertyOverride");
            }
            sessionTracking(stack, userPool, 10);
            AppClient web = AppClient.Builder.create(stack, "Web")
                .userPool(userPool)
                .oAuth(callback())
                .managedLogin(ManagedLoginStyle.cognitoProvidedValues())
                .terms(TermsDocuments.builder()
                    .termsOfUse(List.of(link(TermsLanguage.DEFAULT, "https://app.example.org/terms")))
                    .privacyPolicy(List.of(link(TermsLanguage.DEFAULT, "https://app.example.org/privacy")))
                    .build())
                .ssoSessionValidity(Duration.hours(8))
                .build();
            Map<String, Object> resources = resources(app);
            CfnResource[] handles = { web.getManagedLoginBranding(), web.getTermsOfUse(), web.getPrivacyPolicy(), web.getSsoSessionAttachment() };
            List<Object> printed = new ArrayList<>();
            Object dependsOn = null;
            for (int i = 0; i < handles.length; i++) {
                if (handles[i] == null || !CfnResource.isCfnResource(handles[i])) {
                    notCfn.add("README handle " + i);
                    continue;
                }
                Map<String, Object> resource = (Map<String, Object>) resources.get(stack.getLogicalId(handles[i]));
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("Type", resource.get("Type"));
                p.put("Properties", resource.get("Properties"));
                printed.add(p);
                if (i == 3) dependsOn = resource.get("DependsOn");
            }
            Object managedLoginVersion = null;
            for (Object r : resources.values()) {
                if ("AWS::Cognito::UserPoolDomain".equals(((Map<String, Object>) r).get("Type"))) managedLoginVersion = ((Map<String, Object>) ((Map<String, Object>) r).get("Properties")).get("ManagedLoginVersion");
            }
            Map<String, Object> readme = new LinkedHashMap<>();
            readme.put("resources", printed);
            readme.put("dependsOn", dependsOn);
            readme.put("managedLoginVersion", managedLoginVersion);
            out.put("readmeSatellites", readme);
        }
        if (notCfn.isEmpty()) checked.add("(e) satellites: getManagedLoginBranding(), getTermsOfUse(), getPrivacyPolicy(), getSsoSessionAttachment() are CfnResources");
        else failures.add("(e) not a CfnResource: " + notCfn);
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
        // (e) the client's satellites.
        try {
            satellites(out);
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            observed.put("satellitesError", describe(cause));
            failures.add("(e) satellites: " + cause.getClass().getName() + ": " + cause.getMessage());
            out.remove("satellites");
        }
        out.put("checked", checked);
        out.put("failures", failures);
        out.put("observed", observed);
        System.out.println(json.writeValueAsString(out));
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
