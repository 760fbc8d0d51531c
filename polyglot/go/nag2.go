// cdk-nag 2: the pack is an Aspect; copied beside main.go by run.js for a setup with cdk-nag 2.
package main

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	cdknag "github.com/cdklabs/cdk-nag-go/cdknag/v2/jsii"

	lib "github.com/cdk-cognito-app-client/cdk-cognito-app-client-go/cdkcognitoappclient" // polyglot:library
)

func checkNag() {
	// The pack finds cdk-nag with require('cdk-nag') in the jsii kernel; importing a Go package loads
	// nothing until it is used: load cdk-nag's JavaScript there now.
	cdknag.Initialize()
	a, stack, userPool := appWithClient()
	awscdk.Aspects_Of(a).Add(lib.NewAppClientChecks(a, nil), nil)
	addHTTPClient(userPool)
	a.Synth(nil)
	findings := []string{}
	for _, c := range *stack.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		for _, m := range *c.Node().Metadata() {
			data := fmt.Sprint(m.Data)
			if *m.Type == "aws:cdk:error" && strings.HasPrefix(data, "AppClientChecks-") {
				// the rule id, without the [finding id] of a finding about one value
				findings = append(findings, strings.SplitN(strings.SplitN(data, ":", 2)[0], "[", 2)[0])
			}
		}
	}
	if len(findings) == 1 && findings[0] == httpsRule {
		checked = append(checked, fmt.Sprintf("(b) cdk-nag 2 Aspect reports %s", httpsRule))
	} else {
		failures = append(failures, fmt.Sprintf("(b) the cdk-nag 2 Aspect's error annotations are %v, not [%s]", findings, httpsRule))
	}
}
