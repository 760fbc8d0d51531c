// cdk-nag 2: the pack is an Aspect; copied beside App.java as Nag.java by run.js for a setup with
// cdk-nag 2.
package polyglot;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

import io.github.cdkcognitoappclient.*; // polyglot:library

final class Nag {
    static void check() throws Exception {
        // The pack finds cdk-nag with require('cdk-nag') in the jsii kernel: load cdk-nag's JavaScript
        // there (creating any cdk-nag object would too).
        software.amazon.jsii.JsiiEngine.getInstance().loadModule(io.github.cdklabs.cdknag.$Module.class);
        App.Setup s = App.appWithClient();
        Aspects.of(s.app()).add(new AppClientChecks(s.app()));
        App.addHttpClient(s.userPool());
        s.app().synth();
        List<String> findings = new ArrayList<>();
        for (IConstruct c : s.stack().getNode().findAll()) {
            for (MetadataEntry m : c.getNode().getMetadata()) {
                String data = String.valueOf(m.getData());
                if ("aws:cdk:error".equals(m.getType()) && data.startsWith("AppClientChecks-")) findings.add(data.split(":")[0].split("\\[")[0]); // the rule id, without a finding id
            }
        }
        if (findings.equals(List.of(App.HTTPS_RULE))) App.checked.add("(b) cdk-nag 2 Aspect reports " + App.HTTPS_RULE);
        else App.failures.add("(b) the cdk-nag 2 Aspect's error annotations are " + findings + ", not [" + App.HTTPS_RULE + "]");
    }
}
