// cdk-nag 3: the pack is a validation plugin (aws-cdk-lib 2.251 and later); copied beside main.go by
// run.js for a setup with cdk-nag 3.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	cdknag "github.com/cdklabs/cdk-nag-go/cdknag/v3/jsii"

	lib "github.com/cdk-cognito-app-client/cdk-cognito-app-client-go/cdkcognitoappclient" // polyglot:library
)

func checkNag() {
	// The pack finds cdk-nag with require('cdk-nag') in the jsii kernel; importing a Go package loads
	// nothing until it is used: load cdk-nag's JavaScript there now.
	cdknag.Initialize()
	a, _, userPool := appWithClient()
	awscdk.Validations_Of(a).AddPlugins(lib.NewAppClientChecks(a, nil))
	addHTTPClient(userPool)
	r := catch(func() { a.Synth(nil) })
	report, _ := os.ReadFile(filepath.Join(*a.Outdir(), "validation-report.json"))
	switch {
	case r == nil:
		failures = append(failures, fmt.Sprintf("(b) synth did not fail (validation-report.json: %.400s)", report))
	case strings.Contains(string(report), httpsRule):
		observed["synthError"] = describe(r)
		checked = append(checked, fmt.Sprintf("(b) cdk-nag 3 plugin reports %s (validation-report.json)", httpsRule))
	case strings.Contains(fmt.Sprint(r), httpsRule):
		observed["synthError"] = describe(r)
		checked = append(checked, fmt.Sprintf("(b) cdk-nag 3 plugin reports %s (error message)", httpsRule))
	default:
		observed["synthError"] = describe(r)
		failures = append(failures, fmt.Sprintf("(b) %s in neither validation-report.json nor the error: %.400v", httpsRule, r))
	}
}
