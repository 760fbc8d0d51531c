from aws_cdk import App, Duration, Stack, Validations
from aws_cdk import aws_cognito as cognito
import cdk_nag  # noqa: F401  brings cdk-nag's JavaScript into the jsii runtime, for AppClientChecks
from cdk_cognito_app_client import AppClient, AppClientChecks, AppClientOAuthSettings, ClientPolicy

app = App()
stack = Stack(app, "Auth")
user_pool = cognito.UserPool(stack, "Pool")

AppClient(stack, "Web",
    user_pool=user_pool,
    o_auth=AppClientOAuthSettings(callback_urls=["https://app.example.org/callback"]),
    access_token_validity=Duration.seconds(330),  # emitted as 330 seconds
    refresh_token_validity=Duration.days(7),
    refresh_token_rotation=True,
)

# cdk-nag 3; with cdk-nag 2: Aspects.of(app).add(AppClientChecks(app, policy=...))
Validations.of(app).add_plugins(AppClientChecks(app, policy=ClientPolicy.recommended()))

app.synth()
