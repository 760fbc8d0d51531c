// A Go user's app, run by polyglot/run.js beside the published aws-cdk-go of one version. run.js
// rewrites the import marked polyglot:library to the line's Go module, and adds nag2.go or nag3.go
// (the cdk-nag of the setup). Prints one JSON line: the synthesized AppClient resource, the checks
// passed, and what was observed; exits non-zero on a failed assertion.
package main

import (
	"encoding/json"
	"fmt"
	"os"
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

	out, _ := json.Marshal(map[string]interface{}{"client": found[0], "checked": checked, "failures": failures, "observed": observed})
	fmt.Println(string(out))
	if len(failures) > 0 {
		os.Exit(1)
	}
}
