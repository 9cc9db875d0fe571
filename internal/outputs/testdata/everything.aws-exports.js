/* eslint-disable */
// Written by cogwiz from what Cognito holds; `cogwiz outputs aws-exports.js` writes it again.
// Do not edit: your changes would be lost. It holds no secret.

const awsmobile = {
    "aws_project_region": "eu-west-1",
    "aws_cognito_identity_pool_id": "eu-west-1:0000-1111",
    "aws_cognito_region": "eu-west-1",
    "aws_user_pools_id": "eu-west-1_AbC123",
    "aws_user_pools_web_client_id": "webclientid",
    "oauth": {
        "domain": "shop-1a2b3c4d.auth.eu-west-1.amazoncognito.com",
        "scope": [
            "openid",
            "email",
            "profile"
        ],
        "redirectSignIn": "http://localhost:3000/,https://shop.example.com/?a=1&b=2",
        "redirectSignOut": "http://localhost:3000/signed-out",
        "responseType": "code"
    },
    "federationTarget": "COGNITO_USER_AND_IDENTITY_POOLS",
    "aws_cognito_username_attributes": [
        "EMAIL"
    ],
    "aws_cognito_social_providers": [
        "GOOGLE",
        "APPLE"
    ],
    "aws_cognito_signup_attributes": [
        "EMAIL",
        "FAMILY_NAME"
    ],
    "aws_cognito_mfa_configuration": "OPTIONAL",
    "aws_cognito_mfa_types": [
        "SMS",
        "TOTP"
    ],
    "aws_cognito_password_protection_settings": {
        "passwordPolicyMinLength": 12,
        "passwordPolicyCharacters": [
            "REQUIRES_LOWERCASE",
            "REQUIRES_SYMBOLS"
        ]
    },
    "aws_cognito_verification_mechanisms": [
        "EMAIL",
        "PHONE_NUMBER"
    ]
};

export default awsmobile;
