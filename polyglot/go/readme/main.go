package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/jsii-runtime-go"
	cdknagjsii "github.com/cdklabs/cdk-nag-go/cdknag/v2/jsii"

	appclient "github.com/cdk-cognito-app-client/cdk-cognito-app-client-go/cdkcognitoappclient"
)

func main() {
	defer jsii.Close()
	// brings cdk-nag's JavaScript into the jsii runtime, for AppClientChecks
	cdknagjsii.Initialize()

	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Auth"), nil)
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)

	appclient.NewAppClient(stack, jsii.String("Web"), &appclient.AppClientProps{
		UserPool:             userPool,
		OAuth:                &appclient.AppClientOAuthSettings{CallbackUrls: jsii.Strings("https://app.example.org/callback")},
		AccessTokenValidity:  awscdk.Duration_Seconds(jsii.Number(330)), // emitted as 330 seconds
		RefreshTokenValidity: awscdk.Duration_Days(jsii.Number(7)),
		RefreshTokenRotation: jsii.Bool(true),
	})

	// cdk-nag 2: the pack is an Aspect
	checks := appclient.NewAppClientChecks(app, &appclient.AppClientChecksProps{Policy: appclient.ClientPolicy_Recommended(nil)})
	awscdk.Aspects_Of(app).Add(checks, nil)

	app.Synth(nil)
}

// With cdk-nag 3 (cdknagjsii from github.com/cdklabs/cdk-nag-go/cdknag/v3/jsii), the pack is a
// validation plugin instead of an Aspect.
func registerWithCdkNag3(app awscdk.App, checks appclient.AppClientChecks) {
	awscdk.Validations_Of(app).AddPlugins(checks)
}
