// A Go user's app, run by polyglot/run.js beside the published aws-cdk-go of one version. run.js
// rewrites the import marked polyglot:library to the line's Go module, and adds nag2.go or nag3.go
// (the cdk-nag of the setup). Prints one JSON line: the synthesized AppClient resource, the checks
// passed, and what was observed; exits non-zero on a failed assertion.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/jsii-runtime-go"

	lib "github.com/cdk-cognito-app-client/cdk-cognito-app-client-go/cdkcognitoappclient" // polyglot:library
)

const client = "AWS::Cognito::UserPoolClient"
const httpsRule = "AppClientChecks-redirect-uri-https"

var checked = []string{}

// Checks that failed but let the others run.
var failures = []string{}
var observed = map[string]interface{}{}

func outdir() string {
	dir, err := os.MkdirTemp("", "polyglot-go-")
	if err != nil {
		panic(err)
	}
	return dir
}

// The README's client: a 330-second access token, refresh tokens for 7 days, rotation on.
func appWithClient() (awscdk.App, awscdk.Stack, awscognito.UserPool) {
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir())})
	stack := awscdk.NewStack(app, jsii.String("Auth"), nil)
	userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
	lib.NewAppClient(stack, jsii.String("Web"), &lib.AppClientProps{
		UserPool:             userPool,
		OAuth:                &lib.AppClientOAuthSettings{CallbackUrls: jsii.Strings("https://app.example.org/callback")},
		AccessTokenValidity:  awscdk.Duration_Seconds(jsii.Number(330)),
		RefreshTokenValidity: awscdk.Duration_Days(jsii.Number(7)),
		RefreshTokenRotation: jsii.Bool(true),
	})
	return app, stack, userPool
}

// An aws-cdk-lib L2 client with a plain-http callback: the pack must report redirect-uri-https.
func addHTTPClient(userPool awscognito.UserPool) awscognito.UserPoolClient {
	return userPool.AddClient(jsii.String("Legacy"), &awscognito.UserPoolClientOptions{
		OAuth: &awscognito.OAuthSettings{CallbackUrls: jsii.Strings("http://legacy.example.org/callback")},
	})
}

func describe(r interface{}) map[string]string {
	msg := fmt.Sprint(r)
	if err, ok := r.(error); ok {
		msg = err.Error()
	}
	return map[string]string{"type": fmt.Sprintf("%T", r), "message": msg}
}

// catch runs f and returns what it panicked with (nil if it returned).
func catch(f func()) (r interface{}) {
	defer func() { r = recover() }()
	f()
	return nil
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "assertion failed: "+format+"\n", args...)
	os.Exit(1)
}

// The resources of the stack Auth as synthesized, each kept raw (Go maps keep no key order).
func resources(app awscdk.App) map[string]json.RawMessage {
	raw, err := os.ReadFile(*app.Synth(nil).GetStackByName(jsii.String("Auth")).TemplateFullPath())
	if err != nil {
		panic(err)
	}
	var template struct {
		Resources map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &template); err != nil {
		panic(err)
	}
	return template.Resources
}

type resource struct {
	Type       string
	Properties json.RawMessage
	DependsOn  []string
}

func parse(r json.RawMessage) resource {
	var x resource
	if err := json.Unmarshal(r, &x); err != nil {
		panic(err)
	}
	return x
}

var satelliteTypes = map[string]bool{"AWS::Cognito::ManagedLoginBranding": true, "AWS::Cognito::Terms": true, "AWS::Cognito::UserPoolClientSessionConfigurationAttachment": true}

const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#232f3e"/></svg>` + "\n"

// The pool's session tracking, which the client's SSO session setting depends on.
func sessionTracking(stack awscdk.Stack, userPool awscognito.UserPool, maxPerUser float64) {
	awscdk.NewCfnResource(stack, jsii.String("SessionTracking"), &awscdk.CfnResourceProps{
		Type: jsii.String("AWS::Cognito::UserPoolSessionConfigurationAttachment"),
		Properties: &map[string]interface{}{
			"UserPoolId": userPool.UserPoolId(), "UserSessionTracking": "ENABLED", "TokenSession": map[string]interface{}{"MaxPerUser": maxPerUser},
		},
	})
}

func handles(web lib.AppClient) []awscdk.CfnResource {
	return []awscdk.CfnResource{web.ManagedLoginBranding(), web.TermsOfUse(), web.PrivacyPolicy(), web.SsoSessionAttachment()}
}

// (e) the client's satellites: compat/satellites.js's app (compared by run.js with
// compat/expected-satellites.json) and the README's v2 sign-in client (each resource found by its
// handle's logical id, compared by run.js with the README's output).
func satellites(out map[string]interface{}) {
	notCfn := []string{}
	{
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir())})
		stack := awscdk.NewStack(app, jsii.String("Auth"), nil)
		userPool := awscognito.NewUserPool(stack, jsii.String("Pool"), nil)
		domain := userPool.AddDomain(jsii.String("Domain"), &awscognito.UserPoolDomainOptions{
			CognitoDomain: &awscognito.CognitoDomainOptions{DomainPrefix: jsii.String("example-shop")},
		})
		domain.Node().DefaultChild().(awscdk.CfnResource).AddPropertyOverride(jsii.String("ManagedLoginVersion"), jsii.Number(2))
		sessionTracking(stack, userPool, 20)
		file := filepath.Join(outdir(), "logo.svg")
		if err := os.WriteFile(file, []byte(logo), 0o644); err != nil {
			panic(err)
		}
		link := func(language lib.TermsLanguage, url string) *lib.TermsLink {
			return &lib.TermsLink{Language: language, Url: jsii.String(url)}
		}
		web := lib.NewAppClient(stack, jsii.String("Web"), &lib.AppClientProps{
			UserPool: userPool,
			OAuth:    &lib.AppClientOAuthSettings{CallbackUrls: jsii.Strings("https://app.example.org/callback")},
			ManagedLogin: lib.ManagedLoginStyle_FromSettings(
				map[string]interface{}{"categories": map[string]interface{}{"global": map[string]interface{}{"colorSchemeMode": "LIGHT"}}},
				&[]lib.BrandingAsset{lib.BrandingAsset_FromFile(jsii.String(file), &lib.BrandingAssetOptions{Category: lib.AssetCategory_FORM_LOGO(), ColorMode: lib.ColorMode_LIGHT()})},
			),
			Terms: &lib.TermsDocuments{
				TermsOfUse:    &[]*lib.TermsLink{link(lib.TermsLanguage_DEFAULT(), "https://app.example.org/terms")},
				PrivacyPolicy: &[]*lib.TermsLink{link(lib.TermsLanguage_DEFAULT(), "https://app.example.org/privacy"), link(lib.TermsLanguage_GERMAN(), "https://app.example.org/de/datenschutz")},
			},
			SsoSessionValidity: awscdk.Duration_Hours(jsii.Number(8)),
		})
		for i, h := range handles(web) {
			if h == nil || !*awscdk.CfnResource_IsCfnResource(h) {
				notCfn = append(notCfn, fmt.Sprintf("handle %d", i))
			}
		}
		found := map[string]json.RawMessage{}
		for id, r := range resources(app) {
			if satelliteTypes[parse(r).Type] {
				found[id] = r
			}
		}
		out["satellites"] = found
	}
	{
		app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir())})
		stack := awscdk.NewStack(app, jsii.String("Auth"), nil)
		userPool := awscognito.NewUserPool(stack, jsii.String("UserPool"), nil)
		userPool.AddDomain(jsii.String("Domain"), &awscognito.UserPoolDomainOptions{
			CognitoDomain:       &awscognito.CognitoDomainOptions{DomainPrefix: jsii.String("example-shop")},
			ManagedLoginVersion: awscognito.ManagedLoginVersion_NEWER_MANAGED_LOGIN, // managed login (version 2)
		})
		sessionTracking(stack, userPool, 10)
		web := lib.NewAppClient(stack, jsii.String("Web"), &lib.AppClientProps{
			UserPool:     userPool,
			OAuth:        &lib.AppClientOAuthSettings{CallbackUrls: jsii.Strings("https://app.example.org/callback")},
			ManagedLogin: lib.ManagedLoginStyle_CognitoProvidedValues(),
			Terms: &lib.TermsDocuments{
				TermsOfUse:    &[]*lib.TermsLink{{Language: lib.TermsLanguage_DEFAULT(), Url: jsii.String("https://app.example.org/terms")}},
				PrivacyPolicy: &[]*lib.TermsLink{{Language: lib.TermsLanguage_DEFAULT(), Url: jsii.String("https://app.example.org/privacy")}},
			},
			SsoSessionValidity: awscdk.Duration_Hours(jsii.Number(8)),
		})
		all := resources(app)
		printed := []map[string]interface{}{}
		var dependsOn []string
		for i, h := range handles(web) {
			if h == nil || !*awscdk.CfnResource_IsCfnResource(h) {
				notCfn = append(notCfn, fmt.Sprintf("README handle %d", i))
				continue
			}
			r := parse(all[*stack.GetLogicalId(h)])
			printed = append(printed, map[string]interface{}{"Type": r.Type, "Properties": r.Properties})
			if i == 3 {
				dependsOn = r.DependsOn
			}
		}
		var managedLoginVersion interface{}
		for _, raw := range all {
			var domain struct {
				Type       string
				Properties struct{ ManagedLoginVersion interface{} }
			}
			if err := json.Unmarshal(raw, &domain); err != nil {
				panic(err)
			}
			if domain.Type == "AWS::Cognito::UserPoolDomain" {
				managedLoginVersion = domain.Properties.ManagedLoginVersion
			}
		}
		out["readmeSatellites"] = map[string]interface{}{"resources": printed, "dependsOn": dependsOn, "managedLoginVersion": managedLoginVersion}
	}
	if len(notCfn) == 0 {
		checked = append(checked, "(e) satellites: ManagedLoginBranding(), TermsOfUse(), PrivacyPolicy(), SsoSessionAttachment() are CfnResources")
	} else {
		failures = append(failures, fmt.Sprintf("(e) not a CfnResource: %v", notCfn))
	}
}

func main() {
	// (a) AppClient synthesizes the README's client.
	// Go maps do not keep the order of a template's keys, so the template is read from the cloud
	// assembly as synthesized (a Go user deploying it would use that file too), each resource kept raw.
	app, _, _ := appWithClient()
	raw, err := os.ReadFile(*app.Synth(nil).GetStackByName(jsii.String("Auth")).TemplateFullPath())
	if err != nil {
		panic(err)
	}
	var template struct {
		Resources map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &template); err != nil {
		panic(err)
	}
	var found []json.RawMessage
	for _, r := range template.Resources {
		var resource struct{ Type string }
		if err := json.Unmarshal(r, &resource); err != nil {
			panic(err)
		}
		if resource.Type == client {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		fail("expected one %s, found %d", client, len(found))
	}
	checked = append(checked, "(a) AppClient synthesizes")

	// (b) the cdk-nag pack reports an L2 client with a plain-http callback (nag2.go or nag3.go).
	checkNag()

	// (c) an imported client's reference.
	{
		_, stack, _ := appWithClient()
		imported := lib.AppClient_FromUserPoolClientId(stack, jsii.String("Imported"), jsii.String("abc123"))
		var clientID string
		if r := catch(func() { clientID = *imported.UserPoolClientRef().ClientId }); r != nil {
			observed["importedRefError"] = describe(r)
			failures = append(failures, fmt.Sprintf("(c) imported UserPoolClientRef() panics %T: %v", r, r))
		} else if observed["importedRef"] = map[string]string{"clientId": clientID}; clientID != "abc123" {
			failures = append(failures, fmt.Sprintf("(c) imported UserPoolClientRef().ClientId is %q, not abc123", clientID))
		} else {
			checked = append(checked, "(c) imported UserPoolClientRef().ClientId is abc123")
		}
	}

	// (d) a construction error, caught by its message code.
	{
		_, stack, userPool := appWithClient()
		r := catch(func() {
			lib.NewAppClient(stack, jsii.String("Bad"), &lib.AppClientProps{UserPool: userPool, RefreshTokenValidity: awscdk.Duration_Seconds(jsii.Number(0))})
		})
		if r == nil {
			failures = append(failures, "(d) AppClient with RefreshTokenValidity 0 did not panic")
		} else if observed["constructionError"] = describe(r); strings.Contains(fmt.Sprint(r), "token-refresh-zero") {
			checked = append(checked, fmt.Sprintf("(d) construction error %T names token-refresh-zero", r))
		} else {
			failures = append(failures, fmt.Sprintf("(d) no token-refresh-zero in the %T: %v", r, r))
		}
	}

	// (e) the client's satellites.
	result := map[string]interface{}{"client": found[0]}
	if r := catch(func() { satellites(result) }); r != nil {
		observed["satellitesError"] = describe(r)
		failures = append(failures, fmt.Sprintf("(e) satellites panic %T: %v", r, r))
		delete(result, "satellites")
		delete(result, "readmeSatellites")
	}
	result["checked"], result["failures"], result["observed"] = checked, failures, observed
	out, _ := json.Marshal(result)
	fmt.Println(string(out))
	if len(failures) > 0 {
		os.Exit(1)
	}
}
