# A Python user's app, run by polyglot/run.js beside the published aws-cdk-lib (PyPI) of one version.
# POLYGLOT_MODULE names the library's Python module (one app serves every line); POLYGLOT_NAG says
# which cdk-nag is installed: 2 (the pack is an Aspect) or 3 (a validation plugin).
# Prints one JSON line: the synthesized AppClient resource, the checks passed, and what was observed;
# exits non-zero on a failed assertion.
import importlib
import json
import os
import sys
import tempfile

import aws_cdk as cdk
import jsii
from aws_cdk import aws_cognito as cognito
import cdk_nag  # noqa: F401  the pack loads cdk-nag's JavaScript, which this import brings into the kernel

lib = importlib.import_module(os.environ["POLYGLOT_MODULE"])
NAG = int(os.environ["POLYGLOT_NAG"])
CLIENT = "AWS::Cognito::UserPoolClient"
HTTPS_RULE = "AppClientChecks-redirect-uri-https"
checked = []
failures = []  # checks that failed but let the others run
observed = {}


def outdir():
    return tempfile.mkdtemp(prefix="polyglot-py-")


def app_with_client():
    """The README's client: a 330-second access token, refresh tokens for 7 days, rotation on."""
    app = cdk.App(outdir=outdir())
    stack = cdk.Stack(app, "Auth")
    user_pool = cognito.UserPool(stack, "Pool")
    lib.AppClient(
        stack,
        "Web",
        user_pool=user_pool,
        o_auth=lib.AppClientOAuthSettings(callback_urls=["https://app.example.org/callback"]),
        access_token_validity=cdk.Duration.seconds(330),
        refresh_token_validity=cdk.Duration.days(7),
        refresh_token_rotation=True,
    )
    return app, stack, user_pool


def add_http_client(user_pool):
    """An aws-cdk-lib L2 client with a plain-http callback: the pack must report redirect-uri-https."""
    return user_pool.add_client("Legacy", o_auth=cognito.OAuthSettings(callback_urls=["http://legacy.example.org/callback"]))


def describe(e):
    return {"type": f"{type(e).__module__}.{type(e).__name__}", "message": str(e)}


# (a) AppClient synthesizes the README's client.
app, _, _ = app_with_client()
template = app.synth().get_stack_by_name("Auth").template
clients = [r for r in template["Resources"].values() if r["Type"] == CLIENT]
assert len(clients) == 1, f"expected one {CLIENT}, found {len(clients)}"
checked.append("(a) AppClient synthesizes")

# (b) the cdk-nag pack reports an L2 client with a plain-http callback.
if NAG == 3:
    a, _, user_pool = app_with_client()
    cdk.Validations.of(a).add_plugins(lib.AppClientChecks(a))
    add_http_client(user_pool)
    try:
        a.synth()
        message = ""
    except Exception as e:  # noqa: BLE001  synth fails on an error finding
        observed["synthError"] = describe(e)
        message = str(e)
    report_file = os.path.join(a.outdir, "validation-report.json")
    report = open(report_file, encoding="utf8").read() if os.path.exists(report_file) else ""
    if not message:
        failures.append(f"(b) synth did not fail (validation-report.json: {report[:400]!r})")
    elif HTTPS_RULE not in report and HTTPS_RULE not in message:
        failures.append(f"(b) {HTTPS_RULE} in neither validation-report.json nor the error: {message[:400]}")
    else:
        checked.append(f"(b) cdk-nag 3 plugin reports {HTTPS_RULE} ({'validation-report.json' if HTTPS_RULE in report else 'error message'})")
elif NAG == 2:
    a, stack, user_pool = app_with_client()
    cdk.Aspects.of(a).add(lib.AppClientChecks(a))
    add_http_client(user_pool)
    a.synth()
    # the rule id, without the [finding id] of a finding about one value
    findings = [str(m.data).split(":")[0].split("[")[0] for c in stack.node.find_all() for m in c.node.metadata
                if m.type == "aws:cdk:error" and str(m.data).startswith("AppClientChecks-")]
    if findings == [HTTPS_RULE]:
        checked.append(f"(b) cdk-nag 2 Aspect reports {HTTPS_RULE}")
    else:
        failures.append(f"(b) the cdk-nag 2 Aspect's error annotations are {findings}, not [{HTTPS_RULE!r}]")

# (c) an imported client's reference: the client id, read with every struct field at once.
_, stack, _ = app_with_client()
imported = lib.AppClient.from_user_pool_client_id(stack, "Imported", "abc123")
typed = hasattr(cognito.IUserPoolClient, "user_pool_client_ref")  # declared by aws-cdk-lib 2.251 and later
try:
    if typed:
        ref = imported.user_pool_client_ref
    else:
        # aws-cdk-lib before 2.251: its IUserPoolClient has no user_pool_client_ref; the JavaScript
        # object has it: try the jsii kernel.
        observed["importedRefVia"] = "jsii.get (no IUserPoolClient.user_pool_client_ref in this aws-cdk-lib)"
        ref = jsii.get(imported, "userPoolClientRef")
    observed["importedRef"] = {"clientId": ref.client_id}
    if ref.client_id != "abc123":
        failures.append(f"(c) imported user_pool_client_ref.client_id is {ref.client_id!r}, not 'abc123'")
    else:
        checked.append("(c) imported user_pool_client_ref.client_id is abc123")
except Exception as e:  # noqa: BLE001
    observed["importedRefError"] = describe(e)
    if typed:
        failures.append(f"(c) imported user_pool_client_ref throws {type(e).__name__}: {e}")
    else:
        checked.append(f"(c) not typed in this aws-cdk-lib; through the kernel: {type(e).__name__}")

# (d) a construction error, caught by its message code.
_, stack, user_pool = app_with_client()
try:
    lib.AppClient(stack, "Bad", user_pool=user_pool, refresh_token_validity=cdk.Duration.seconds(0))
    failures.append("(d) AppClient with refresh_token_validity=0 did not throw")
except Exception as e:  # noqa: BLE001
    observed["constructionError"] = describe(e)
    if "token-refresh-zero" in str(e):
        checked.append(f"(d) construction error {type(e).__name__} names token-refresh-zero")
    else:
        failures.append(f"(d) no token-refresh-zero in the {type(e).__name__}: {e}")

sys.stdout.write(json.dumps({"client": clients[0], "checked": checked, "failures": failures, "observed": observed}) + "\n")
sys.exit(1 if failures else 0)
