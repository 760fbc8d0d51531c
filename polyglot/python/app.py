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

# (e) the client's satellites: a managed login style, terms documents and an SSO session setting.
SATELLITES = ["AWS::Cognito::ManagedLoginBranding", "AWS::Cognito::Terms", "AWS::Cognito::UserPoolClientSessionConfigurationAttachment"]
HANDLES = ["managed_login_branding", "terms_of_use", "privacy_policy", "sso_session_attachment"]
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#232f3e"/></svg>\n'
satellites = {}
readme_satellites = {}
try:
    # compat/satellites.js's app, compared by run.js with compat/expected-satellites.json: a style from
    # the designer's settings (a dict) and a logo file, German privacy policy; managed login by override.
    app = cdk.App(outdir=outdir())
    stack = cdk.Stack(app, "Auth")
    user_pool = cognito.UserPool(stack, "Pool")
    domain = user_pool.add_domain("Domain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix="example-shop"))
    domain.node.default_child.add_property_override("ManagedLoginVersion", 2)
    cdk.CfnResource(stack, "SessionTracking", type="AWS::Cognito::UserPoolSessionConfigurationAttachment",
                    properties={"UserPoolId": user_pool.user_pool_id, "UserSessionTracking": "ENABLED", "TokenSession": {"MaxPerUser": 20}})
    logo = os.path.join(outdir(), "logo.svg")
    with open(logo, "w", encoding="utf8") as f:
        f.write(LOGO)
    web = lib.AppClient(
        stack, "Web", user_pool=user_pool,
        o_auth=lib.AppClientOAuthSettings(callback_urls=["https://app.example.org/callback"]),
        managed_login=lib.ManagedLoginStyle.from_settings({"categories": {"global": {"colorSchemeMode": "LIGHT"}}}, [
            lib.BrandingAsset.from_file(logo, category=lib.AssetCategory.FORM_LOGO, color_mode=lib.ColorMode.LIGHT),
        ]),
        terms=lib.TermsDocuments(
            terms_of_use=[lib.TermsLink(language=lib.TermsLanguage.DEFAULT, url="https://app.example.org/terms")],
            privacy_policy=[lib.TermsLink(language=lib.TermsLanguage.DEFAULT, url="https://app.example.org/privacy"),
                            lib.TermsLink(language=lib.TermsLanguage.GERMAN, url="https://app.example.org/de/datenschutz")],
        ),
        sso_session_validity=cdk.Duration.hours(8),
    )
    not_cfn = [h for h in HANDLES if not isinstance(getattr(web, h), cdk.CfnResource)]
    resources = app.synth().get_stack_by_name("Auth").template["Resources"]
    satellites = {k: r for k, r in resources.items() if r["Type"] in SATELLITES}

    # The README's v2 sign-in client (README, "Managed login, terms and sessions"): Cognito's look,
    # terms in the default language, an 8-hour SSO session; each resource found by its handle's logical id.
    app = cdk.App(outdir=outdir())
    stack = cdk.Stack(app, "Auth")
    user_pool = cognito.UserPool(stack, "UserPool")
    if hasattr(cognito, "ManagedLoginVersion"):  # aws-cdk-lib 2.177 and later
        user_pool.add_domain("Domain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix="example-shop"),
                             managed_login_version=cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN)
        observed["managedLoginVersionVia"] = "managed_login_version"
    else:
        domain = user_pool.add_domain("Domain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix="example-shop"))
        domain.node.default_child.add_property_override("ManagedLoginVersion", 2)
        observed["managedLoginVersionVia"] = "add_property_override"
    cdk.CfnResource(stack, "SessionTracking", type="AWS::Cognito::UserPoolSessionConfigurationAttachment",
                    properties={"UserPoolId": user_pool.user_pool_id, "UserSessionTracking": "ENABLED", "TokenSession": {"MaxPerUser": 10}})
    web = lib.AppClient(
        stack, "Web", user_pool=user_pool,
        o_auth=lib.AppClientOAuthSettings(callback_urls=["https://app.example.org/callback"]),
        managed_login=lib.ManagedLoginStyle.cognito_provided_values(),
        terms=lib.TermsDocuments(
            terms_of_use=[lib.TermsLink(language=lib.TermsLanguage.DEFAULT, url="https://app.example.org/terms")],
            privacy_policy=[lib.TermsLink(language=lib.TermsLanguage.DEFAULT, url="https://app.example.org/privacy")],
        ),
        sso_session_validity=cdk.Duration.hours(8),
    )
    resources = app.synth().get_stack_by_name("Auth").template["Resources"]
    handles = [getattr(web, h) for h in HANDLES]
    not_cfn += [f"README {h}" for h, r in zip(HANDLES, handles) if not isinstance(r, cdk.CfnResource)]
    printed = [resources[stack.get_logical_id(r)] for r in handles]
    domains = [r for r in resources.values() if r["Type"] == "AWS::Cognito::UserPoolDomain"]
    readme_satellites = {
        "resources": [{"Type": r["Type"], "Properties": r["Properties"]} for r in printed],
        "dependsOn": printed[3].get("DependsOn"),
        "managedLoginVersion": domains[0]["Properties"].get("ManagedLoginVersion") if domains else None,
    }
    if not_cfn:
        failures.append(f"(e) not a CfnResource: {not_cfn}")
    else:
        checked.append("(e) satellites: " + ", ".join(HANDLES) + " are CfnResources")
except Exception as e:  # noqa: BLE001
    observed["satellitesError"] = describe(e)
    failures.append(f"(e) satellites: {type(e).__name__}: {e}")

sys.stdout.write(json.dumps({"client": clients[0], "satellites": satellites, "readmeSatellites": readme_satellites,
                             "checked": checked, "failures": failures, "observed": observed}) + "\n")
sys.exit(1 if failures else 0)
