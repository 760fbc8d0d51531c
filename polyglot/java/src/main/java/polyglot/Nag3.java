// cdk-nag 3: the pack is a validation plugin (aws-cdk-lib 2.251 and later); copied beside App.java as
// Nag.java by run.js for a setup with cdk-nag 3.
package polyglot;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.Validations;

import io.github.cdkcognitoappclient.*; // polyglot:library

final class Nag {
    static void check() throws Exception {
        // The pack finds cdk-nag with require('cdk-nag') in the jsii kernel: load cdk-nag's JavaScript
        // there (creating any cdk-nag object would too).
        software.amazon.jsii.JsiiEngine.getInstance().loadModule(io.github.cdklabs.cdknag.$Module.class);
        App.Setup s = App.appWithClient();
        Validations.of(s.app()).addPlugins(new AppClientChecks(s.app()));
        App.addHttpClient(s.userPool());
        String message = null;
        try {
            s.app().synth();
        } catch (RuntimeException e) {
            App.observed.put("synthError", App.describe(e));
            message = String.valueOf(e.getMessage());
        }
        Path report = Path.of(s.app().getOutdir(), "validation-report.json");
        String text = Files.exists(report) ? Files.readString(report) : "";
        boolean inReport = text.contains(App.HTTPS_RULE);
        if (message == null) App.failures.add("(b) synth did not fail (validation-report.json: " + text.substring(0, Math.min(400, text.length())) + ")");
        else if (!inReport && !message.contains(App.HTTPS_RULE)) App.failures.add("(b) " + App.HTTPS_RULE + " in neither validation-report.json nor the error: " + message);
        else App.checked.add("(b) cdk-nag 3 plugin reports " + App.HTTPS_RULE + " (" + (inReport ? "validation-report.json" : "error message") + ")");
    }
}
