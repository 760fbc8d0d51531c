import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.jsii.JsiiEngine;
import io.github.cdkcognitoappclient.AppClient;
import io.github.cdkcognitoappclient.AppClientChecks;
import io.github.cdkcognitoappclient.AppClientChecksProps;
import io.github.cdkcognitoappclient.AppClientOAuthSettings;
import io.github.cdkcognitoappclient.ClientPolicy;

public class ReadmeExample {
    public static void main(final String[] args) {
        // brings cdk-nag's JavaScript into the jsii runtime, for AppClientChecks
        JsiiEngine.getInstance().loadModule(io.github.cdklabs.cdknag.$Module.class);

        App app = new App();
        Stack stack = new Stack(app, "Auth");
        UserPool userPool = new UserPool(stack, "Pool");

        AppClient.Builder.create(stack, "Web")
                .userPool(userPool)
                .oAuth(AppClientOAuthSettings.builder().callbackUrls(List.of("https://app.example.org/callback")).build())
                .accessTokenValidity(Duration.seconds(330)) // emitted as 330 seconds
                .refreshTokenValidity(Duration.days(7))
                .refreshTokenRotation(true)
                .build();

        // cdk-nag 3; with cdk-nag 2: Aspects.of(app).add(new AppClientChecks(app, props))
        AppClientChecksProps props = AppClientChecksProps.builder().policy(ClientPolicy.recommended()).build();
        Validations.of(app).addPlugins(new AppClientChecks(app, props));

        app.synth();
    }
}
