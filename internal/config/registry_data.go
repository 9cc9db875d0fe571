package config

// Documentation roots; each row appends its page.
const (
	devGuide    = "https://docs.aws.amazon.com/cognito/latest/developerguide/"
	apiRef      = "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/"
	identityAPI = "https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/"
	amplifyDocs = "https://docs.amplify.aws/gen1/javascript/"
	referenceMD = "https://github.com/cogwiz/cogwiz/blob/main/docs/reference.md"
)

// NoAPIField starts the APIField of keys that belong to cogwiz itself and
// set no Cognito field.
const NoAPIField = "none"

// Create-only reasons shared by several rows.
const (
	whySignIn = "Cognito has no API to change the sign-in identifiers of an existing pool " +
		"(they exist only on CreateUserPool). A different sign-in method needs a new pool and a user migration."
	whyCustomAttr = "Cognito can add custom attributes to a pool (AddCustomAttributes) but never change or remove one. " +
		"For a different definition, add a new attribute under another name and copy the values over."
	whyRoleName = "IAM cannot rename a role. Put the old name back; to move to another role, create it yourself " +
		"and name it by arn (cogwiz then deletes the role it made)."
	whyIdP = "UpdateIdentityProvider changes only the details, attribute mapping and identifiers. " +
		"A different type or name means deleting the provider and creating a new one; apps that name it must follow."
)

// settings is the registry: one row per key of cognito.yaml, in file order.
var settings = []Setting{
	{
		Key:      "version",
		Title:    "File format version",
		Meaning:  "The version of the cognito.yaml format. cogwiz refuses files written for a version it does not know, instead of guessing.",
		Values:   []string{"1"},
		Default:  "1",
		APIField: NoAPIField + " (cogwiz file format)",
		DocURL:   referenceMD,
	},
	{
		Key:   "resource_name",
		Title: "Resource name",
		Meaning: "Amplify's \"friendly name\" for the auth resource, e.g. AppAuth. cogwiz tags the user pool with it " +
			"(tag cogwiz:resource-name) so that plan and apply find the same pool again without a state file.",
		CreateOnly: true,
		CreateOnlyWhy: "apply finds the pool by this tag; a new name looks for, and would create, a different pool. " +
			"To rename, first pin the pool with user_pool.id, then change the name.",
		APIField: NoAPIField + " (sets the user pool tag cogwiz:resource-name)",
		DocURL:   devGuide + "tagging.html",
	},
	{
		Key:   "mode",
		Title: "Wizard mode",
		Meaning: "How the file was started, as Amplify's first question: default (Amplify's Default configuration: " +
			"no hosted UI, no OAuth, no domain), default_social (the same plus OAuth, a domain and social providers) " +
			"or manual (every question). cogwiz update offers the other modes in its menu, as amplify update auth does.",
		Values:   []string{ModeDefault, ModeDefaultSocial, ModeManual},
		APIField: NoAPIField + " (chooses the update menu)",
		DocURL:   amplifyDocs + "prev/build-a-backend/auth/set-up-auth/",
	},
	{
		Key:   "services",
		Title: "Services",
		Meaning: "What to create: only a user pool (sign-up and sign-in), or a user pool plus an identity pool " +
			"that trades sign-ins for temporary AWS credentials (for calling S3, DynamoDB... directly from the app).",
		Values:         []string{ServicesUserPool, ServicesUserPoolIdentityPool},
		Default:        ServicesUserPool,
		Recommended:    ServicesUserPool,
		RecommendedWhy: "add an identity pool only when the app itself calls AWS services with IAM credentials.",
		APIField:       NoAPIField + " (chooses whether identity_pool is created)",
		DocURL:         devGuide + "cognito-identity.html",
	},

	// ---- user_pool
	{
		Key:      "user_pool",
		Title:    "User pool",
		Meaning:  "The user directory: who can sign up, how they sign in, which attributes they have, and the messages Cognito sends them.",
		APIField: "CreateUserPool / UpdateUserPool",
		DocURL:   devGuide + "cognito-user-identity-pools.html",
	},
	{
		Key:   "user_pool.id",
		Title: "User pool ID",
		Meaning: "Pins the pool this file manages, e.g. us-east-1_AbC123. When empty, apply finds the pool by its " +
			"cogwiz:resource-name tag; import pool fills it in.",
		APIField: "UserPoolId",
		DocURL:   apiRef + "API_DescribeUserPool.html",
	},
	{
		Key:   "user_pool.name",
		Title: "User pool name",
		Meaning: "The pool's display name in the AWS console, 1–128 characters (letters, digits, spaces and + = , . @ -). " +
			"It can be renamed in place.",
		APIField: "CreateUserPool.PoolName",
		DocURL:   apiRef + "API_CreateUserPool.html",
	},
	{
		Key:   "user_pool.sign_in",
		Title: "Sign-in identifiers",
		Meaning: "What a user types in the sign-in box: a username, an email address, a phone number, " +
			"or a username plus aliases. Chosen once, when the pool is created.",
		CreateOnly:    true,
		CreateOnlyWhy: whySignIn,
		APIField:      "CreateUserPool.UsernameAttributes / AliasAttributes / UsernameConfiguration",
		DocURL:        devGuide + "user-pool-settings-attributes.html",
	},
	{
		Key:   "user_pool.sign_in.username_attributes",
		Title: "Sign in with",
		Meaning: "What a user types to sign in: [] means a username (`bob`); [email] means an email address " +
			"(`bob@example.com`) that is also the username; [phone_number] a phone number (`+15555550100`); " +
			"[email, phone_number] either one.",
		Values:         []string{"email", "phone_number"},
		Default:        "[] (a username)",
		Recommended:    "[] (a username)",
		RecommendedWhy: "a username never has to change, while users do change their email and phone number.",
		CreateOnly:     true,
		CreateOnlyWhy:  whySignIn,
		APIField:       "CreateUserPool.UsernameAttributes",
		DocURL:         devGuide + "user-pool-settings-attributes.html",
	},
	{
		Key:   "user_pool.sign_in.alias_attributes",
		Title: "Sign-in aliases",
		Meaning: "Other values that also sign a user in, besides the username: a verified email, a verified phone " +
			"number, or a preferred_username the user picks. Cannot be combined with username_attributes.",
		Values:         []string{"email", "phone_number", "preferred_username"},
		Default:        "[] (no aliases)",
		Recommended:    "[] (no aliases)",
		RecommendedWhy: "one way to sign in is simpler to support; Amplify stopped defaulting to aliases in CLI 6.",
		CreateOnly:     true,
		CreateOnlyWhy:  whySignIn,
		APIField:       "CreateUserPool.AliasAttributes",
		DocURL:         devGuide + "user-pool-settings-attributes.html",
	},
	{
		Key:   "user_pool.sign_in.case_sensitive",
		Title: "Case-sensitive usernames",
		Meaning: "Whether `Bob` and `bob` are two different users. When false, usernames, emails and aliases match " +
			"regardless of case. cogwiz always sends this value because the API default is the unsafe one.",
		Values:         []string{"true", "false"},
		Default:        "true (API default!)",
		Recommended:    "false",
		RecommendedWhy: "AWS recommends case-insensitive pools; users do not expect Bob and bob to be different accounts.",
		CreateOnly:     true,
		CreateOnlyWhy:  "Cognito has no API to change it (UsernameConfiguration exists only on CreateUserPool). Changing it needs a new pool and a user migration.",
		APIField:       "CreateUserPool.UsernameConfiguration.CaseSensitive",
		DocURL:         devGuide + "user-pool-case-sensitivity.html",
	},
	{
		Key:      "user_pool.attributes",
		Title:    "Attributes",
		Meaning:  "The profile fields of a user: which standard attributes (email, name, ...) are required at sign-up, and your own custom: attributes.",
		APIField: "CreateUserPool.Schema",
		DocURL:   devGuide + "user-pool-settings-attributes.html",
	},
	{
		Key:   "user_pool.attributes.required",
		Title: "Required attributes",
		Meaning: "Standard attributes every user must give at sign-up, e.g. [email]. A sign-up without them fails. " +
			"Required attributes are writable by every app client.",
		Values:         standardAttributes,
		Default:        "[] (none required)",
		Recommended:    "[email]",
		RecommendedWhy: "email lets users verify their account and reset a forgotten password; require nothing else, since it is permanent.",
		CreateOnly:     true,
		CreateOnlyWhy: "Cognito cannot switch an attribute between required and optional after the pool exists. " +
			"A different set needs a new pool and a user migration; optional attributes can still be collected by your app.",
		APIField: "CreateUserPool.Schema[].Required",
		DocURL:   devGuide + "user-pool-settings-attributes.html",
	},
	{
		Key:   "user_pool.attributes.custom",
		Title: "Custom attributes",
		Meaning: "Your own profile fields, stored as custom:<name> (e.g. custom:tier). They can be added at any time, " +
			"but never changed or removed, and they cannot be required. At most 50 per pool.",
		Default:  "[] (none)",
		APIField: "CreateUserPool.Schema / AddCustomAttributes.CustomAttributes",
		DocURL:   devGuide + "user-pool-settings-attributes.html#user-pool-settings-custom-attributes",
	},
	{
		Key:           "user_pool.attributes.custom[].name",
		Title:         "Custom attribute name",
		Meaning:       "The name without the prefix, 1–20 characters: `tier` becomes the attribute custom:tier in tokens and API calls.",
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.Name",
		DocURL:        devGuide + "user-pool-settings-attributes.html#user-pool-settings-custom-attributes",
	},
	{
		Key:   "user_pool.attributes.custom[].type",
		Title: "Custom attribute type",
		Meaning: "The kind of value: String, Number, DateTime or Boolean. Values always reach your app as strings " +
			"in the ID token; the type decides which constraints apply.",
		Values:        []string{"String", "Number", "DateTime", "Boolean"},
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.AttributeDataType",
		DocURL:        devGuide + "user-pool-settings-attributes.html#user-pool-settings-custom-attributes",
	},
	{
		Key:   "user_pool.attributes.custom[].mutable",
		Title: "Custom attribute mutable",
		Meaning: "Whether the value can change after the user is created. An attribute that an identity provider " +
			"maps must be mutable, because Cognito rewrites it at every federated sign-in.",
		Values:        []string{"true", "false"},
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.Mutable",
		DocURL:        devGuide + "user-pool-settings-attributes.html#user-pool-settings-custom-attributes",
	},
	{
		Key:           "user_pool.attributes.custom[].min_length",
		Title:         "Custom attribute min length",
		Meaning:       "For a String attribute: the shortest value accepted, in characters.",
		Default:       "0",
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.StringAttributeConstraints.MinLength",
		DocURL:        apiRef + "API_StringAttributeConstraintsType.html",
	},
	{
		Key:           "user_pool.attributes.custom[].max_length",
		Title:         "Custom attribute max length",
		Meaning:       "For a String attribute: the longest value accepted, in characters, at most 2048.",
		Default:       "2048",
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.StringAttributeConstraints.MaxLength",
		DocURL:        apiRef + "API_StringAttributeConstraintsType.html",
	},
	{
		Key:           "user_pool.attributes.custom[].min_value",
		Title:         "Custom attribute min value",
		Meaning:       "For a Number attribute: the smallest value accepted.",
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.NumberAttributeConstraints.MinValue",
		DocURL:        apiRef + "API_NumberAttributeConstraintsType.html",
	},
	{
		Key:           "user_pool.attributes.custom[].max_value",
		Title:         "Custom attribute max value",
		Meaning:       "For a Number attribute: the largest value accepted.",
		CreateOnly:    true,
		CreateOnlyWhy: whyCustomAttr,
		APIField:      "SchemaAttributeType.NumberAttributeConstraints.MaxValue",
		DocURL:        apiRef + "API_NumberAttributeConstraintsType.html",
	},

	// ---- password policy
	{
		Key:   "user_pool.password_policy",
		Title: "Password policy",
		Meaning: "The rules a password must meet at sign-up and password change. Absent: Cognito's default policy " +
			"(8 characters with lower-case, upper-case, numbers and symbols) applies.",
		Default:        "Cognito's default policy",
		Recommended:    "minimum_length 8, no character rules",
		RecommendedWhy: "Amplify's default; length protects better than character rules, which push users to predictable passwords (NIST SP 800-63B).",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:            "user_pool.password_policy.minimum_length",
		Title:          "Minimum password length",
		Meaning:        "The fewest characters a password may have: 6 to 99.",
		Default:        "8",
		Recommended:    "8 or more",
		RecommendedWhy: "length is what makes a password hard to guess.",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy.MinimumLength",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:            "user_pool.password_policy.require_lowercase",
		Title:          "Require a lower-case letter",
		Meaning:        "Whether a password needs at least one lower-case letter (a–z).",
		Values:         []string{"true", "false"},
		Default:        "false when password_policy is written (Cognito's own policy requires it)",
		Recommended:    "false",
		RecommendedWhy: "character rules annoy users more than they stop attackers (NIST SP 800-63B).",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy.RequireLowercase",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:            "user_pool.password_policy.require_uppercase",
		Title:          "Require an upper-case letter",
		Meaning:        "Whether a password needs at least one upper-case letter (A–Z).",
		Values:         []string{"true", "false"},
		Default:        "false when password_policy is written (Cognito's own policy requires it)",
		Recommended:    "false",
		RecommendedWhy: "character rules annoy users more than they stop attackers (NIST SP 800-63B).",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy.RequireUppercase",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:            "user_pool.password_policy.require_numbers",
		Title:          "Require a number",
		Meaning:        "Whether a password needs at least one digit (0–9).",
		Values:         []string{"true", "false"},
		Default:        "false when password_policy is written (Cognito's own policy requires it)",
		Recommended:    "false",
		RecommendedWhy: "character rules annoy users more than they stop attackers (NIST SP 800-63B).",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy.RequireNumbers",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:            "user_pool.password_policy.require_symbols",
		Title:          "Require a symbol",
		Meaning:        "Whether a password needs at least one symbol such as ^ $ * . [ ] { } ( ) ? ! @ # % & / , > < ' : ; | _ ~ ` = + -.",
		Values:         []string{"true", "false"},
		Default:        "false when password_policy is written (Cognito's own policy requires it)",
		Recommended:    "false",
		RecommendedWhy: "character rules annoy users more than they stop attackers (NIST SP 800-63B).",
		APIField:       "UpdateUserPool.Policies.PasswordPolicy.RequireSymbols",
		DocURL:         devGuide + "managing-users-passwords.html",
	},
	{
		Key:      "user_pool.password_policy.temporary_password_validity_days",
		Title:    "Temporary password validity",
		Meaning:  "Days a temporary password from an administrator (admin-created user) stays usable, 0–365; 0 means the default.",
		Default:  "7",
		APIField: "UpdateUserPool.Policies.PasswordPolicy.TemporaryPasswordValidityDays",
		DocURL:   devGuide + "managing-users-passwords.html",
	},
	{
		Key:      "user_pool.password_policy.password_history_size",
		Title:    "Password history",
		Meaning:  "How many previous passwords a user may not reuse, 0–24. Needs the Essentials plan or higher.",
		Default:  "0 (no history)",
		APIField: "UpdateUserPool.Policies.PasswordPolicy.PasswordHistorySize",
		DocURL:   devGuide + "managing-users-passwords.html",
	},

	// ---- MFA
	{
		Key:   "user_pool.mfa",
		Title: "Multi-factor authentication",
		Meaning: "A second proof at sign-in besides the password: a code from an authenticator app (TOTP), " +
			"a text message or an email.",
		Default:  "MFA off",
		APIField: "UpdateUserPool.MfaConfiguration + SetUserPoolMfaConfig",
		DocURL:   devGuide + "user-pool-settings-mfa.html",
	},
	{
		Key:   "user_pool.mfa.mode",
		Title: "MFA mode",
		Meaning: "OFF: nobody uses a second factor. OPTIONAL: each user may turn it on. ON: every user must set it up " +
			"before signing in. Quote \"OFF\" and \"ON\": older YAML tools read them as booleans.",
		Values:         []string{MFAOff, MFAOn, MFAOptional},
		Default:        MFAOff,
		Recommended:    MFAOff,
		RecommendedWhy: "simplest start; move to OPTIONAL with TOTP when you can support users who lose their device.",
		APIField:       "UpdateUserPool.MfaConfiguration",
		DocURL:         devGuide + "user-pool-settings-mfa.html",
	},
	{
		Key:   "user_pool.mfa.factors",
		Title: "MFA factors",
		Meaning: "Which second factors are offered: totp (an authenticator app), sms (needs user_pool.sms), " +
			"email (needs the Essentials plan and SES email sending).",
		Values:         []string{FactorSMS, FactorTOTP, FactorEmail},
		Recommended:    "[totp]",
		RecommendedWhy: "an authenticator app needs no SMS role, costs nothing per sign-in and resists SIM swapping.",
		APIField:       "SetUserPoolMfaConfig.SoftwareTokenMfaConfiguration / SmsMfaConfiguration / EmailMfaConfiguration",
		DocURL:         devGuide + "user-pool-settings-mfa.html",
	},
	{
		Key:      "user_pool.mfa.sms_message",
		Title:    "SMS MFA message",
		Meaning:  "The text message that carries the MFA code, 6–140 characters, containing {####} where the code goes.",
		Default:  "Your authentication code is {####}.",
		APIField: "SetUserPoolMfaConfig.SmsMfaConfiguration.SmsAuthenticationMessage",
		DocURL:   devGuide + "user-pool-settings-mfa.html",
	},

	// ---- SMS
	{
		Key:   "user_pool.sms",
		Title: "SMS sending",
		Meaning: "The IAM role Cognito assumes to send text messages through Amazon SNS. Needed for SMS MFA, " +
			"phone number verification and phone sign-in. New AWS accounts start in the SNS SMS sandbox.",
		APIField: "UpdateUserPool.SmsConfiguration",
		DocURL:   devGuide + "user-pool-sms-settings.html",
	},
	{
		Key:      "user_pool.sms.sns_caller_arn",
		Title:    "SMS role ARN",
		Meaning:  "The ARN of the IAM role that allows sns:Publish, e.g. arn:aws:iam::123456789012:role/cognito-sms, or a reference such as ${env:SNS_CALLER_ARN}: plan and apply read its value from the environment, and an export takes it as a parameter.",
		APIField: "UpdateUserPool.SmsConfiguration.SnsCallerArn",
		DocURL:   devGuide + "user-pool-sms-settings.html",
	},
	{
		Key:   "user_pool.sms.external_id",
		Title: "SMS role external ID",
		Meaning: "A value the role's trust policy requires (sts:ExternalId), so that only this pool can use the role. " +
			"Not a secret, but make it hard to guess.",
		APIField: "UpdateUserPool.SmsConfiguration.ExternalId",
		DocURL:   devGuide + "user-pool-sms-settings.html",
	},
	{
		Key:      "user_pool.sms.sns_region",
		Title:    "SNS region",
		Meaning:  "The AWS region whose SNS sends the messages, when it is not the pool's region.",
		Default:  "the pool's region",
		APIField: "UpdateUserPool.SmsConfiguration.SnsRegion",
		DocURL:   devGuide + "user-pool-sms-settings.html",
	},

	// ---- verification
	{
		Key:      "user_pool.verification",
		Title:    "Verification",
		Meaning:  "Which attributes Cognito verifies by sending a code or link at sign-up, and the messages it sends.",
		APIField: "UpdateUserPool.AutoVerifiedAttributes / VerificationMessageTemplate",
		DocURL:   devGuide + "signing-up-users-in-your-app.html",
	},
	{
		Key:   "user_pool.verification.auto_verified_attributes",
		Title: "Verify at sign-up",
		Meaning: "Attributes Cognito verifies itself: [email] emails a code to confirm the account and allows password " +
			"reset by email; [phone_number] does the same by text message (needs user_pool.sms).",
		Values:         []string{"email", "phone_number"},
		Default:        "[] (no verification: an administrator confirms users)",
		Recommended:    "[email]",
		RecommendedWhy: "email-based registration and password recovery, with no SMS role or per-message cost.",
		APIField:       "UpdateUserPool.AutoVerifiedAttributes",
		DocURL:         devGuide + "user-pool-settings-email-phone-verification.html",
	},
	{
		Key:   "user_pool.verification.keep_original_until_verified",
		Title: "Keep original email or phone until verified",
		Meaning: "When a user changes a verified email or phone number, keep the old value active for sign-in and " +
			"messages until the new one is verified, so a typo cannot lock the user out.",
		Values:         []string{"true", "false"},
		Default:        "false",
		Recommended:    "true",
		RecommendedWhy: "a mistyped new address can otherwise lock the user out of their account.",
		APIField:       "UpdateUserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate",
		DocURL:         devGuide + "user-pool-settings-email-phone-verification.html",
	},
	{
		Key:            "user_pool.verification.email_style",
		Title:          "Verification email style",
		Meaning:        "code: the email carries a code the user types into your app. link: the email carries a link the user clicks.",
		Values:         []string{EmailStyleCode, EmailStyleLink},
		Default:        EmailStyleCode,
		Recommended:    EmailStyleCode,
		RecommendedWhy: "works the same in web and mobile apps and needs no hosted domain.",
		APIField:       "UpdateUserPool.VerificationMessageTemplate.DefaultEmailOption (CONFIRM_WITH_CODE | CONFIRM_WITH_LINK)",
		DocURL:         devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.verification.email_subject",
		Title:    "Verification email subject",
		Meaning:  "Subject of the verification email when email_style is code, 1–140 characters.",
		Default:  "Your verification code",
		APIField: "UpdateUserPool.VerificationMessageTemplate.EmailSubject",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.verification.email_message",
		Title:    "Verification email message",
		Meaning:  "Body of the verification email when email_style is code, 6–20,000 characters, containing {####} where the code goes.",
		Default:  "Your verification code is {####}.",
		APIField: "UpdateUserPool.VerificationMessageTemplate.EmailMessage",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.verification.email_subject_by_link",
		Title:    "Verification link email subject",
		Meaning:  "Subject of the verification email when email_style is link, 1–140 characters.",
		Default:  "Your verification link",
		APIField: "UpdateUserPool.VerificationMessageTemplate.EmailSubjectByLink",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.verification.email_message_by_link",
		Title:    "Verification link email message",
		Meaning:  "Body of the verification email when email_style is link; it must contain {##link text##}, which becomes the link.",
		Default:  "Please click the link below to verify your email address. {##Verify Email##}",
		APIField: "UpdateUserPool.VerificationMessageTemplate.EmailMessageByLink",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.verification.sms_message",
		Title:    "Verification SMS message",
		Meaning:  "The text message that verifies a phone number, 6–140 characters, containing {####} where the code goes.",
		Default:  "Your verification code is {####}.",
		APIField: "UpdateUserPool.VerificationMessageTemplate.SmsMessage",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},

	// ---- account recovery
	{
		Key:   "user_pool.account_recovery",
		Title: "Account recovery",
		Meaning: "How a user who forgot the password gets a reset code, in order of priority (one or two entries): " +
			"verified_email, verified_phone_number, or admin_only (only an administrator can reset it).",
		Values:         []string{"verified_email", "verified_phone_number", "admin_only"},
		Default:        "[verified_phone_number, verified_email] (phone first when both exist)",
		Recommended:    "[verified_email]",
		RecommendedWhy: "matches email verification; recovery by SMS needs an SMS role and costs money per message.",
		APIField:       "UpdateUserPool.AccountRecoverySetting.RecoveryMechanisms",
		DocURL:         devGuide + "how-to-recover-a-user-account.html",
	},

	// ---- email sending
	{
		Key:      "user_pool.email_sending",
		Title:    "Email sending",
		Meaning:  "Who sends Cognito's emails: Cognito's own sender, or your Amazon SES identity.",
		Default:  "Cognito's own sender",
		APIField: "UpdateUserPool.EmailConfiguration",
		DocURL:   devGuide + "user-pool-email.html",
	},
	{
		Key:   "user_pool.email_sending.account",
		Title: "Email sender",
		Meaning: "COGNITO_DEFAULT: Cognito sends from no-reply@verificationemail.com, no setup, but only a few dozen " +
			"emails a day. DEVELOPER: your verified SES identity (source_arn) sends, with SES limits and your own From address.",
		Values:         []string{"COGNITO_DEFAULT", "DEVELOPER"},
		Default:        "COGNITO_DEFAULT",
		Recommended:    "COGNITO_DEFAULT to start, DEVELOPER in production",
		RecommendedWhy: "Cognito's sender needs no setup but its small daily quota silently drops mail once reached.",
		APIField:       "UpdateUserPool.EmailConfiguration.EmailSendingAccount",
		DocURL:         devGuide + "user-pool-email.html",
	},
	{
		Key:      "user_pool.email_sending.source_arn",
		Title:    "SES identity ARN",
		Meaning:  "The ARN of a verified SES email address or domain, e.g. arn:aws:ses:us-east-1:123456789012:identity/example.com. Required with DEVELOPER.",
		APIField: "UpdateUserPool.EmailConfiguration.SourceArn",
		DocURL:   devGuide + "user-pool-email.html",
	},
	{
		Key:      "user_pool.email_sending.from",
		Title:    "From address",
		Meaning:  "The sender shown to users, an address or `Name <address>` from the SES identity.",
		Default:  "the SES identity's address",
		APIField: "UpdateUserPool.EmailConfiguration.From",
		DocURL:   devGuide + "user-pool-email.html",
	},
	{
		Key:      "user_pool.email_sending.reply_to",
		Title:    "Reply-to address",
		Meaning:  "Where replies to Cognito's emails go.",
		APIField: "UpdateUserPool.EmailConfiguration.ReplyToEmailAddress",
		DocURL:   devGuide + "user-pool-email.html",
	},
	{
		Key:      "user_pool.email_sending.configuration_set",
		Title:    "SES configuration set",
		Meaning:  "An SES configuration set (up to 64 characters) for delivery events and dedicated IPs. DEVELOPER only.",
		APIField: "UpdateUserPool.EmailConfiguration.ConfigurationSet",
		DocURL:   devGuide + "user-pool-email.html",
	},

	// ---- admin create user
	{
		Key:      "user_pool.admin_create_user",
		Title:    "Administrator-created users",
		Meaning:  "Whether users may sign themselves up, and the invitation sent to users an administrator creates.",
		APIField: "UpdateUserPool.AdminCreateUserConfig",
		DocURL:   devGuide + "how-to-create-user-accounts.html",
	},
	{
		Key:      "user_pool.admin_create_user.admin_only",
		Title:    "Only administrators create users",
		Meaning:  "true turns self sign-up off: only an administrator (console, API, cogwiz users create) can add users.",
		Values:   []string{"true", "false"},
		Default:  "false (anyone can sign up)",
		APIField: "UpdateUserPool.AdminCreateUserConfig.AllowAdminCreateUserOnly",
		DocURL:   devGuide + "how-to-create-user-accounts.html",
	},
	{
		Key:      "user_pool.admin_create_user.invite_email_subject",
		Title:    "Invitation email subject",
		Meaning:  "Subject of the email that gives an administrator-created user a temporary password.",
		Default:  "Your temporary password",
		APIField: "UpdateUserPool.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.admin_create_user.invite_email_message",
		Title:    "Invitation email message",
		Meaning:  "Body of the invitation email, 6–20,000 characters; it must contain {username} and {####} (the temporary password), or Cognito does not send it.",
		Default:  "Your username is {username} and temporary password is {####}.",
		APIField: "UpdateUserPool.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},
	{
		Key:      "user_pool.admin_create_user.invite_sms_message",
		Title:    "Invitation SMS message",
		Meaning:  "The invitation text message, 6–140 characters, containing {username} and {####}.",
		Default:  "Your username is {username} and temporary password is {####}.",
		APIField: "UpdateUserPool.AdminCreateUserConfig.InviteMessageTemplate.SMSMessage",
		DocURL:   devGuide + "cognito-user-pool-settings-message-customizations.html",
	},

	// ---- plan and protection
	{
		Key:   "user_pool.feature_plan",
		Title: "Feature plan",
		Meaning: "The pricing tier, which decides the features: LITE (basics), ESSENTIALS (adds passwordless and " +
			"choice-based sign-in, email MFA, managed login, password history), PLUS (adds threat protection).",
		Values:         []string{"LITE", "ESSENTIALS", "PLUS"},
		Default:        "ESSENTIALS (for new pools)",
		Recommended:    "ESSENTIALS",
		RecommendedWhy: "the API default for new pools: the modern sign-in features without Plus's threat-protection price.",
		APIField:       "UpdateUserPool.UserPoolTier",
		DocURL:         devGuide + "cognito-sign-in-feature-plans.html",
	},
	{
		Key:   "user_pool.deletion_protection",
		Title: "Deletion protection",
		Meaning: "When true, Cognito refuses to delete the pool until protection is turned off first, " +
			"so one wrong command cannot delete every user.",
		Values:         []string{"true", "false"},
		Default:        "false (INACTIVE)",
		Recommended:    "true",
		RecommendedWhy: "deleting a pool deletes all its users and their passwords; there is no undo from the API.",
		APIField:       "UpdateUserPool.DeletionProtection (ACTIVE | INACTIVE)",
		DocURL:         devGuide + "user-pool-settings-deletion-protection.html",
	},

	// ---- triggers
	{
		Key:   "user_pool.triggers",
		Title: "Lambda triggers",
		Meaning: "Lambda functions Cognito calls during sign-up, sign-in and messaging, one ARN per trigger. " +
			"The function must allow cognito-idp.amazonaws.com to invoke it. Leave the trigger of a capability " +
			"empty to have cogwiz generate its function.",
		Default:        "none",
		Recommended:    "none",
		RecommendedWhy: "each trigger is code to own and runs synchronously (5 s limit) in every sign-in it touches.",
		APIField:       "UpdateUserPool.LambdaConfig",
		DocURL:         devGuide + "cognito-user-pools-working-with-lambda-triggers.html",
	},
	{
		Key:      "user_pool.triggers.pre_sign_up",
		Title:    "Pre sign-up trigger",
		Meaning:  "Runs before a user is created: accept or reject the sign-up, or auto-confirm it (e.g. an email domain allowlist).",
		APIField: "UpdateUserPool.LambdaConfig.PreSignUp",
		DocURL:   devGuide + "user-pool-lambda-pre-sign-up.html",
	},
	{
		Key:      "user_pool.triggers.custom_message",
		Title:    "Custom message trigger",
		Meaning:  "Runs before Cognito sends an email or SMS, to rewrite its text (e.g. a verification link to your own site).",
		APIField: "UpdateUserPool.LambdaConfig.CustomMessage",
		DocURL:   devGuide + "user-pool-lambda-custom-message.html",
	},
	{
		Key:      "user_pool.triggers.post_confirmation",
		Title:    "Post confirmation trigger",
		Meaning:  "Runs after a user confirms the account, e.g. to add the user to a group or create a profile row.",
		APIField: "UpdateUserPool.LambdaConfig.PostConfirmation",
		DocURL:   devGuide + "user-pool-lambda-post-confirmation.html",
	},
	{
		Key:      "user_pool.triggers.pre_authentication",
		Title:    "Pre authentication trigger",
		Meaning:  "Runs before each sign-in; it can refuse the sign-in.",
		APIField: "UpdateUserPool.LambdaConfig.PreAuthentication",
		DocURL:   devGuide + "user-pool-lambda-pre-authentication.html",
	},
	{
		Key:      "user_pool.triggers.post_authentication",
		Title:    "Post authentication trigger",
		Meaning:  "Runs after each successful sign-in, e.g. for logging or analytics.",
		APIField: "UpdateUserPool.LambdaConfig.PostAuthentication",
		DocURL:   devGuide + "user-pool-lambda-post-authentication.html",
	},
	{
		Key:      "user_pool.triggers.define_auth_challenge",
		Title:    "Define auth challenge trigger",
		Meaning:  "Custom authentication: decides which challenge comes next and when the user is signed in. Used with the two other challenge triggers.",
		APIField: "UpdateUserPool.LambdaConfig.DefineAuthChallenge",
		DocURL:   devGuide + "user-pool-lambda-challenge.html",
	},
	{
		Key:      "user_pool.triggers.create_auth_challenge",
		Title:    "Create auth challenge trigger",
		Meaning:  "Custom authentication: builds the challenge (e.g. a CAPTCHA or a one-time code) shown to the user.",
		APIField: "UpdateUserPool.LambdaConfig.CreateAuthChallenge",
		DocURL:   devGuide + "user-pool-lambda-challenge.html",
	},
	{
		Key:      "user_pool.triggers.verify_auth_challenge_response",
		Title:    "Verify auth challenge trigger",
		Meaning:  "Custom authentication: checks the user's answer to the challenge.",
		APIField: "UpdateUserPool.LambdaConfig.VerifyAuthChallengeResponse",
		DocURL:   devGuide + "user-pool-lambda-challenge.html",
	},
	{
		Key:      "user_pool.triggers.pre_token_generation",
		Title:    "Pre token generation trigger",
		Meaning:  "Runs before tokens are issued, to add, change or remove claims and groups in them.",
		APIField: "UpdateUserPool.LambdaConfig.PreTokenGenerationConfig.LambdaArn",
		DocURL:   devGuide + "user-pool-lambda-pre-token-generation.html",
	},
	{
		Key:   "user_pool.triggers.pre_token_generation_version",
		Title: "Pre token generation event version",
		Meaning: "The event the pre token generation function receives: V1_0 changes ID tokens only; V2_0 also access " +
			"tokens (Essentials or higher); V3_0 also machine-to-machine tokens. Left out, apply keeps the version " +
			"Cognito has (V1_0 for a new trigger).",
		Values:   []string{"V1_0", "V2_0", "V3_0"},
		Default:  "V1_0",
		APIField: "UpdateUserPool.LambdaConfig.PreTokenGenerationConfig.LambdaVersion",
		DocURL:   devGuide + "user-pool-lambda-pre-token-generation.html",
	},
	{
		Key:      "user_pool.triggers.user_migration",
		Title:    "User migration trigger",
		Meaning:  "Runs when an unknown user signs in or resets a password, to check them against your old user store and create them on the fly.",
		APIField: "UpdateUserPool.LambdaConfig.UserMigration",
		DocURL:   devGuide + "user-pool-lambda-migrate-user.html",
	},
	{
		Key:      "user_pool.triggers.custom_sms_sender",
		Title:    "Custom SMS sender trigger",
		Meaning:  "Sends Cognito's text messages through your own provider instead of SNS. Needs kms_key_id.",
		APIField: "UpdateUserPool.LambdaConfig.CustomSMSSender.LambdaArn",
		DocURL:   devGuide + "user-pool-lambda-custom-sms-sender.html",
	},
	{
		Key:      "user_pool.triggers.custom_email_sender",
		Title:    "Custom email sender trigger",
		Meaning:  "Sends Cognito's emails through your own provider instead of Cognito or SES. Needs kms_key_id.",
		APIField: "UpdateUserPool.LambdaConfig.CustomEmailSender.LambdaArn",
		DocURL:   devGuide + "user-pool-lambda-custom-email-sender.html",
	},
	{
		Key:      "user_pool.triggers.kms_key_id",
		Title:    "Custom sender KMS key",
		Meaning:  "The ARN of the KMS key Cognito uses to encrypt the codes it hands to the custom SMS and email senders.",
		APIField: "UpdateUserPool.LambdaConfig.KMSKeyID",
		DocURL:   devGuide + "user-pool-lambda-custom-sender-triggers.html",
	},
	{
		Key:   "user_pool.triggers.pending",
		Title: "Triggers to fill in",
		Meaning: "Triggers you picked in the wizard whose function ARN you left for later, e.g. [pre_authentication]. " +
			"apply sets no function for them; write the ARN under the trigger's key and drop it from this list.",
		Values:   TriggerKeys,
		APIField: NoAPIField + " (a reminder; apply wires only ARNs)",
		DocURL:   devGuide + "cognito-user-pools-working-with-lambda-triggers.html",
	},

	// ---- capabilities
	{
		Key:   "user_pool.capabilities",
		Title: "Amplify capabilities",
		Meaning: "Amplify's ready-made trigger features (reCAPTCHA, verification link, add to group, email domain " +
			"filters, custom auth scaffolding, ID token claims). cogwiz generates the trigger function of each one " +
			"as Node.js source you own, under functions.source_dir, with these settings as its environment; " +
			"a trigger whose key under triggers holds an ARN is served by your own function instead.",
		Default:        "[] (none)",
		Recommended:    "[] (none)",
		RecommendedWhy: "no Lambda code to own; add a capability only for a need you have.",
		APIField:       NoAPIField + " (cogwiz generates the trigger functions; see functions)",
		DocURL:         amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:   "user_pool.capabilities[].type",
		Title: "Capability",
		Meaning: "Which capability: recaptcha and custom_auth_scaffolding (the three challenge triggers), " +
			"email_verification_link (custom_message), add_user_to_group (post_confirmation), " +
			"email_domain_denylist and email_domain_allowlist (pre_sign_up), override_id_token_claims (pre_token_generation).",
		Values: []string{CapRecaptcha, CapEmailVerificationLink, CapAddUserToGroup, CapEmailDomainDenylist,
			CapEmailDomainAllowlist, CapCustomAuthScaffolding, CapOverrideIDTokenClaims},
		APIField: NoAPIField + " (Amplify capability)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].group",
		Title:    "Group to add users to",
		Meaning:  "add_user_to_group: the group every confirmed user joins.",
		APIField: NoAPIField + " (the function's GROUP setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].domains",
		Title:    "Email domains",
		Meaning:  "email_domain_denylist / email_domain_allowlist: the email domains refused, or the only ones accepted, at sign-up (e.g. [example.com]).",
		APIField: NoAPIField + " (the function's DOMAINDENYLIST / DOMAINALLOWLIST setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].redirect_url",
		Title:    "Verification redirect URL",
		Meaning:  "email_verification_link: where the user lands after clicking the verification link.",
		APIField: NoAPIField + " (the function's REDIRECTURL setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].email_subject",
		Title:    "Verification link email subject",
		Meaning:  "email_verification_link: the subject of the email that carries the link.",
		APIField: NoAPIField + " (the function's EMAILSUBJECT setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].email_message",
		Title:    "Verification link email message",
		Meaning:  "email_verification_link: the body of the email that carries the link.",
		APIField: NoAPIField + " (the function's EMAILMESSAGE setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},
	{
		Key:      "user_pool.capabilities[].secret",
		Title:    "reCAPTCHA secret",
		Meaning:  "recaptcha: the reCAPTCHA secret key, always as a reference such as ${env:RECAPTCHA_SECRET}; the value is never written to the file.",
		APIField: NoAPIField + " (the function's RECAPTCHASECRET setting)",
		DocURL:   amplifyDocs + "tools/cli/usage/lambda-triggers/",
	},

	// ---- groups
	{
		Key:   "user_pool.groups",
		Title: "Groups",
		Meaning: "Named sets of users, e.g. Admins. Group names appear in the cognito:groups claim of tokens, " +
			"and a group can carry an IAM role for identity pool credentials.",
		Default:        "[] (none)",
		Recommended:    "[] (none)",
		RecommendedWhy: "add groups when your app has roles to tell apart; they are easy to add later.",
		APIField:       "CreateGroup / UpdateGroup",
		DocURL:         devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:        "user_pool.groups[].name",
		Title:      "Group name",
		Meaning:    "The group's name, unique in the pool, 1–128 characters; it is what appears in the cognito:groups claim.",
		CreateOnly: true,
		CreateOnlyWhy: "the name is the group's key: UpdateGroup changes only description, precedence and role. " +
			"A rename is a new group plus moving every member, then deleting the old one.",
		APIField: "CreateGroup.GroupName",
		DocURL:   devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:      "user_pool.groups[].precedence",
		Title:    "Group precedence",
		Meaning:  "A number ≥ 0; when a user is in several groups with roles, the lowest number wins the cognito:preferred_role claim.",
		Default:  "none (no precedence)",
		APIField: "CreateGroup.Precedence",
		DocURL:   devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:      "user_pool.groups[].description",
		Title:    "Group description",
		Meaning:  "A note for administrators, up to 2048 characters.",
		APIField: "CreateGroup.Description",
		DocURL:   devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:      "user_pool.groups[].role_arn",
		Title:    "Group IAM role",
		Meaning:  "An IAM role ARN for members of the group; an identity pool can give them this role's credentials.",
		APIField: "CreateGroup.RoleArn",
		DocURL:   devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:      "user_pool.tags",
		Title:    "Tags",
		Meaning:  "AWS tags on the user pool, e.g. {team: web}, for cost reports and access policies. cogwiz adds its own cogwiz:resource-name tag.",
		Default:  "{} (none)",
		APIField: "UpdateUserPool.UserPoolTags",
		DocURL:   devGuide + "tagging.html",
	},

	// ---- app clients
	{
		Key:   "app_clients",
		Title: "App clients",
		Meaning: "The applications that talk to the pool (a web app, a mobile app, a backend). Each gets its own " +
			"client ID, token lifetimes, sign-in flows and OAuth settings.",
		APIField: "CreateUserPoolClient / UpdateUserPoolClient",
		DocURL:   devGuide + "user-pool-settings-client-apps.html",
	},
	{
		Key:      "app_clients[].name",
		Title:    "App client name",
		Meaning:  "The client's name, 1–128 characters; cogwiz finds the client by it when id is empty, so keep names unique.",
		APIField: "CreateUserPoolClient.ClientName",
		DocURL:   devGuide + "user-pool-settings-client-apps.html",
	},
	{
		Key:      "app_clients[].id",
		Title:    "App client ID",
		Meaning:  "Pins the client this entry manages. When empty, apply finds the client by name; import pool fills it in.",
		APIField: "ClientId",
		DocURL:   apiRef + "API_DescribeUserPoolClient.html",
	},
	{
		Key:   "app_clients[].generate_secret",
		Title: "Client secret",
		Meaning: "Whether the client has a secret it must send with its requests. Only servers can keep a secret; " +
			"a browser or mobile app with a secret leaks it.",
		Values:         []string{"true", "false"},
		Default:        "false",
		Recommended:    "false (true only for a server-side client)",
		RecommendedWhy: "browser and mobile apps cannot keep a secret, and the Amplify libraries expect a client without one.",
		CreateOnly:     true,
		CreateOnlyWhy: "a client gets or loses its secret only when it is created. Changing this replaces the client, " +
			"which gets a new client ID that every app must pick up.",
		APIField: "CreateUserPoolClient.GenerateSecret",
		DocURL:   devGuide + "user-pool-settings-client-apps.html",
	},
	{
		Key:      "app_clients[].token_validity",
		Title:    "Token lifetimes",
		Meaning:  "How long tokens last, written with a unit: 30m, 1h, 30d, 3600s.",
		Default:  "access 1h, id 1h, refresh 30d",
		APIField: "CreateUserPoolClient.AccessTokenValidity / IdTokenValidity / RefreshTokenValidity + TokenValidityUnits",
		DocURL:   devGuide + "amazon-cognito-user-pools-using-tokens-with-identity-providers.html",
	},
	{
		Key:            "app_clients[].token_validity.access",
		Title:          "Access token lifetime",
		Meaning:        "How long an access token (sent to your APIs) is accepted: 5 minutes to 1 day.",
		Default:        "1h",
		Recommended:    "1h",
		RecommendedWhy: "a leaked access token cannot be recalled, so keep it short; the refresh token renews it.",
		APIField:       "CreateUserPoolClient.AccessTokenValidity",
		DocURL:         devGuide + "amazon-cognito-user-pools-using-the-access-token.html",
	},
	{
		Key:      "app_clients[].token_validity.id",
		Title:    "ID token lifetime",
		Meaning:  "How long an ID token (the user's identity and attributes) is accepted: 5 minutes to 1 day.",
		Default:  "1h",
		APIField: "CreateUserPoolClient.IdTokenValidity",
		DocURL:   devGuide + "amazon-cognito-user-pools-using-the-id-token.html",
	},
	{
		Key:      "app_clients[].token_validity.refresh",
		Title:    "Refresh token lifetime",
		Meaning:  "How long a user stays signed in without typing the password again: 60 minutes to 3650 days.",
		Default:  "30d",
		APIField: "CreateUserPoolClient.RefreshTokenValidity",
		DocURL:   devGuide + "amazon-cognito-user-pools-using-the-refresh-token.html",
	},
	{
		Key:   "app_clients[].auth_flows",
		Title: "Authentication flows",
		Meaning: "How the app may sign users in through the API: ALLOW_USER_SRP_AUTH (password proof without sending it), " +
			"ALLOW_USER_PASSWORD_AUTH (password sent over TLS), ALLOW_USER_AUTH (choice-based, passwordless), " +
			"ALLOW_CUSTOM_AUTH (Lambda challenges), ALLOW_ADMIN_USER_PASSWORD_AUTH (server side), ALLOW_REFRESH_TOKEN_AUTH.",
		Values: []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH",
			"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH"},
		Default:        "[ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH]",
		Recommended:    "[ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]",
		RecommendedWhy: "SRP never sends the password, and refresh keeps users signed in; add others only when used.",
		APIField:       "CreateUserPoolClient.ExplicitAuthFlows",
		DocURL:         devGuide + "amazon-cognito-user-pools-authentication-flow.html",
	},
	{
		Key:   "app_clients[].read_attributes",
		Title: "Readable attributes",
		Meaning: "The attributes this client may read, in Cognito's names (email, name, custom:tier...). " +
			"[] means all of them.",
		Default:        "[] (all)",
		Recommended:    "[] (all)",
		RecommendedWhy: "per-app restrictions matter only when several apps of different trust share one pool.",
		APIField:       "CreateUserPoolClient.ReadAttributes",
		DocURL:         devGuide + "user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes",
	},
	{
		Key:   "app_clients[].write_attributes",
		Title: "Writable attributes",
		Meaning: "The attributes this client may change. [] means all of them. Required attributes and attributes " +
			"mapped from identity providers must be writable.",
		Default:        "[] (all)",
		Recommended:    "[] (all)",
		RecommendedWhy: "per-app restrictions matter only when several apps of different trust share one pool.",
		APIField:       "CreateUserPoolClient.WriteAttributes",
		DocURL:         devGuide + "user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes",
	},
	{
		Key:   "app_clients[].oauth",
		Title: "OAuth 2.0 and hosted sign-in",
		Meaning: "Turns on OAuth 2.0 for the client: the hosted sign-in pages on your domain, redirects back to your " +
			"app, and sign-in with Google, Facebook, SAML... Absent: the app signs users in through the API only.",
		Default:        "absent (no OAuth)",
		Recommended:    "on",
		RecommendedWhy: "standard redirects and federation come for free, and the API sign-in keeps working.",
		APIField:       "CreateUserPoolClient.AllowedOAuthFlowsUserPoolClient",
		DocURL:         devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:   "app_clients[].oauth.flows",
		Title: "OAuth flows",
		Meaning: "code: the authorization code grant (with PKCE), tokens fetched by the app. implicit: tokens returned " +
			"in the redirect URL. client_credentials: machine-to-machine, needs a client secret and must be the only flow.",
		Values:         []string{"code", "implicit", "client_credentials"},
		Recommended:    "[code]",
		RecommendedWhy: "the implicit grant is deprecated by the OAuth 2.0 Security Best Current Practice (RFC 9700); code with PKCE keeps tokens out of URLs.",
		APIField:       "CreateUserPoolClient.AllowedOAuthFlows",
		DocURL:         devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:   "app_clients[].oauth.scopes",
		Title: "OAuth scopes",
		Meaning: "What the tokens allow: openid (sign-in, required by email/phone/profile), email, phone, profile, " +
			"aws.cognito.signin.user.admin (the user may read and change their own profile), or a custom <server>/<scope>.",
		Recommended:    "[email, openid, profile, aws.cognito.signin.user.admin]",
		RecommendedWhy: "what a typical app needs to sign in and manage the user's own profile; phone only if you use it.",
		APIField:       "CreateUserPoolClient.AllowedOAuthScopes",
		DocURL:         devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:   "app_clients[].oauth.callback_urls",
		Title: "Sign-in redirect URLs",
		Meaning: "Where Cognito may send the user after sign-in, e.g. https://app.example.com/login/ or myapp://. " +
			"HTTPS is required except for http://localhost; up to 100.",
		Recommended:    "one URL",
		RecommendedWhy: "each extra redirect is one more place a token or code can be sent; add them as apps need them.",
		APIField:       "CreateUserPoolClient.CallbackURLs",
		DocURL:         devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:      "app_clients[].oauth.logout_urls",
		Title:    "Sign-out redirect URLs",
		Meaning:  "Where Cognito may send the user after signing out at the /logout endpoint (not the URL that starts sign-out).",
		APIField: "CreateUserPoolClient.LogoutURLs",
		DocURL:   devGuide + "logout-endpoint.html",
	},
	{
		Key:      "app_clients[].oauth.default_redirect_uri",
		Title:    "Default redirect URL",
		Meaning:  "The redirect used when a request names none; it must be one of callback_urls.",
		APIField: "CreateUserPoolClient.DefaultRedirectURI",
		DocURL:   devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:   "app_clients[].oauth.identity_providers",
		Title: "Sign-in providers",
		Meaning: "Which providers the hosted sign-in offers: COGNITO (the pool's own users) plus the names of " +
			"identity_providers, e.g. [COGNITO, Google].",
		Default:  "[COGNITO]",
		APIField: "CreateUserPoolClient.SupportedIdentityProviders",
		DocURL:   devGuide + "cognito-user-pools-app-idp-settings.html",
	},
	{
		Key:   "app_clients[].prevent_user_existence_errors",
		Title: "Hide whether a user exists",
		Meaning: "When true, sign-in and password-reset errors are the same whether or not the username exists, " +
			"so nobody can probe which accounts exist.",
		Values:         []string{"true", "false"},
		Default:        "false (LEGACY, the API default)",
		Recommended:    "true",
		RecommendedWhy: "AWS recommends it: it stops attackers from listing your users.",
		APIField:       "CreateUserPoolClient.PreventUserExistenceErrors (ENABLED | LEGACY)",
		DocURL:         devGuide + "cognito-user-pool-managing-errors.html",
	},
	{
		Key:            "app_clients[].enable_token_revocation",
		Title:          "Token revocation",
		Meaning:        "Whether refresh tokens can be revoked (signing a device out), which also revokes the access tokens made from them.",
		Values:         []string{"true", "false"},
		Default:        "true",
		Recommended:    "true",
		RecommendedWhy: "sign-out should really end the session.",
		APIField:       "CreateUserPoolClient.EnableTokenRevocation",
		DocURL:         devGuide + "token-revocation.html",
	},

	// ---- domain
	{
		Key:   "domain",
		Title: "Hosted sign-in domain",
		Meaning: "Where the hosted sign-in pages and OAuth endpoints live: a prefix on amazoncognito.com or your own " +
			"domain. Needed for OAuth. Absent: no domain.",
		APIField: "CreateUserPoolDomain",
		DocURL:   devGuide + "cognito-user-pools-assign-domain.html",
	},
	{
		Key:   "domain.prefix",
		Title: "Domain prefix",
		Meaning: "The first label of https://<prefix>.auth.<region>.amazoncognito.com: 1–63 lower-case letters, digits " +
			"and hyphens, no hyphen at either end, without the words aws, amazon or cognito. A prefix is global per " +
			"region: no two AWS accounts can hold the same one.",
		Recommended:    "<directory>-<8 random hex>, as the wizard generates it",
		RecommendedWhy: "a prefix taken by anyone in the region stops apply; a generated one does not collide, and it is worth choosing once since it cannot be renamed.",
		CreateOnly:     true,
		CreateOnlyWhy: "Cognito cannot rename a domain. cogwiz replaces it (delete, then create), so the hosted pages are " +
			"briefly unavailable and every app and identity provider must use the new URL.",
		APIField: "CreateUserPoolDomain.Domain",
		DocURL:   devGuide + "cognito-user-pools-assign-domain-prefix.html",
	},
	{
		Key:        "domain.custom_domain",
		Title:      "Custom domain",
		Meaning:    "Your own host name for the sign-in pages, e.g. auth.example.com. Needs certificate_arn and a DNS A record on the parent domain.",
		CreateOnly: true,
		CreateOnlyWhy: "Cognito cannot rename a domain. cogwiz replaces it (delete, then create), so the hosted pages are " +
			"unavailable until the new domain is live (up to an hour) and DNS must point to the new target.",
		APIField: "CreateUserPoolDomain.Domain",
		DocURL:   devGuide + "cognito-user-pools-add-custom-domain.html",
	},
	{
		Key:      "domain.certificate_arn",
		Title:    "Custom domain certificate",
		Meaning:  "The ARN of an ACM certificate for custom_domain; it must be in us-east-1 whatever the pool's region.",
		APIField: "CreateUserPoolDomain.CustomDomainConfig.CertificateArn",
		DocURL:   devGuide + "cognito-user-pools-add-custom-domain.html",
	},
	{
		Key:      "domain.managed_login_version",
		Title:    "Sign-in pages version",
		Meaning:  "1: the classic hosted UI. 2: managed login, the newer customisable pages (not on the Lite plan).",
		Values:   []string{"1", "2"},
		Default:  "1",
		APIField: "CreateUserPoolDomain.ManagedLoginVersion",
		DocURL:   devGuide + "cognito-user-pools-managed-login.html",
	},

	// ---- identity providers
	{
		Key:   "identity_providers",
		Title: "Identity providers",
		Meaning: "Other places users can sign in with through the hosted pages: Google, Facebook, Login with Amazon, " +
			"Sign in with Apple, any OIDC or SAML provider. Each also needs listing in an app client's oauth.identity_providers.",
		Default:  "[] (none)",
		APIField: "CreateIdentityProvider / UpdateIdentityProvider",
		DocURL:   devGuide + "cognito-user-pools-identity-federation.html",
	},
	{
		Key:           "identity_providers[].type",
		Title:         "Provider type",
		Meaning:       "Google, Facebook, LoginWithAmazon or SignInWithApple (social, at most one each), OIDC or SAML.",
		Values:        []string{IdPGoogle, IdPFacebook, IdPAmazon, IdPApple, IdPOIDC, IdPSAML},
		CreateOnly:    true,
		CreateOnlyWhy: whyIdP,
		APIField:      "CreateIdentityProvider.ProviderType",
		DocURL:        devGuide + "cognito-user-pools-identity-federation.html",
	},
	{
		Key:   "identity_providers[].name",
		Title: "Provider name",
		Meaning: "The name apps and the hosted pages use, 1–32 characters. Social providers must be named after " +
			"their type, so leave it empty for them; OIDC and SAML need one.",
		Default:       "the type (for social providers)",
		CreateOnly:    true,
		CreateOnlyWhy: whyIdP,
		APIField:      "CreateIdentityProvider.ProviderName",
		DocURL:        devGuide + "cognito-user-pools-managing-saml-idp-naming.html",
	},
	{
		Key:      "identity_providers[].client_id",
		Title:    "Provider client ID",
		Meaning:  "The app ID the provider gave you (Google web client ID, Facebook app ID, Apple Services ID, ...), or a reference such as ${env:FACEBOOK_CLIENT_ID}: plan and apply read its value from the environment, and an export takes it as a parameter.",
		APIField: "CreateIdentityProvider.ProviderDetails.client_id",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:   "identity_providers[].client_secret",
		Title: "Provider client secret",
		Meaning: "The provider's app secret, always as a reference such as ${env:GOOGLE_CLIENT_SECRET}; apply reads " +
			"the value from the environment. It is never written to the file or printed.",
		APIField: "CreateIdentityProvider.ProviderDetails.client_secret",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:   "identity_providers[].scopes",
		Title: "Provider scopes",
		Meaning: "What Cognito asks the provider for, e.g. [openid, email, profile] for Google, [public_profile, email] " +
			"for Facebook, [email, name] for Apple.",
		APIField: "CreateIdentityProvider.ProviderDetails.authorize_scopes",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:   "identity_providers[].attribute_mapping",
		Title: "Attribute mapping",
		Meaning: "Pool attribute → provider claim, e.g. {email: email, name: name}. Every required attribute needs a " +
			"mapping, and mapped attributes must be mutable and writable, since Cognito rewrites them at each sign-in.",
		APIField: "CreateIdentityProvider.AttributeMapping",
		DocURL:   devGuide + "cognito-user-pools-specifying-attribute-mapping.html",
	},
	{
		Key:      "identity_providers[].api_version",
		Title:    "Facebook API version",
		Meaning:  "Facebook only: the Graph API version Cognito calls, e.g. v17.0.",
		APIField: "CreateIdentityProvider.ProviderDetails.api_version",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:      "identity_providers[].team_id",
		Title:    "Apple team ID",
		Meaning:  "Sign in with Apple only: your Apple developer team ID, or a reference such as ${env:APPLE_TEAM_ID}: plan and apply read its value from the environment, and an export takes it as a parameter.",
		APIField: "CreateIdentityProvider.ProviderDetails.team_id",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:      "identity_providers[].key_id",
		Title:    "Apple key ID",
		Meaning:  "Sign in with Apple only: the ID of the private key you created for Sign in with Apple, or a reference such as ${env:APPLE_KEY_ID}: plan and apply read its value from the environment, and an export takes it as a parameter.",
		APIField: "CreateIdentityProvider.ProviderDetails.key_id",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:   "identity_providers[].private_key",
		Title: "Apple private key",
		Meaning: "Sign in with Apple only: the private key, always as a reference such as ${env:APPLE_PRIVATE_KEY}. " +
			"Cognito never returns it, so it cannot be compared and is sent only when it changes.",
		APIField: "CreateIdentityProvider.ProviderDetails.private_key",
		DocURL:   devGuide + "cognito-user-pools-social-idp.html",
	},
	{
		Key:      "identity_providers[].oidc_issuer",
		Title:    "OIDC issuer",
		Meaning:  "OIDC only: the issuer URL, e.g. https://login.example.com; Cognito discovers the endpoints from it.",
		APIField: "CreateIdentityProvider.ProviderDetails.oidc_issuer",
		DocURL:   devGuide + "cognito-user-pools-oidc-idp.html",
	},
	{
		Key:      "identity_providers[].attributes_request_method",
		Title:    "OIDC attributes request method",
		Meaning:  "OIDC only: the HTTP method Cognito uses to call the provider's userinfo endpoint.",
		Values:   []string{"GET", "POST"},
		Default:  "GET",
		APIField: "CreateIdentityProvider.ProviderDetails.attributes_request_method",
		DocURL:   devGuide + "cognito-user-pools-oidc-idp.html",
	},
	{
		Key:      "identity_providers[].metadata_url",
		Title:    "SAML metadata URL",
		Meaning:  "SAML only: the URL of the provider's SAML metadata document.",
		APIField: "CreateIdentityProvider.ProviderDetails.MetadataURL",
		DocURL:   devGuide + "cognito-user-pools-saml-idp.html",
	},
	{
		Key:      "identity_providers[].identifiers",
		Title:    "Provider identifiers",
		Meaning:  "Other names for the provider, e.g. email domains (example.com) that route users to it, up to 50.",
		APIField: "CreateIdentityProvider.IdpIdentifiers",
		DocURL:   devGuide + "cognito-user-pools-managing-saml-idp-naming.html",
	},

	// ---- resource servers
	{
		Key:   "resource_servers",
		Title: "Resource servers",
		Meaning: "Your APIs, declared so that tokens can carry custom scopes such as orders/read " +
			"(<identifier>/<scope>), which clients list in oauth.scopes.",
		Default:  "[] (none)",
		APIField: "CreateResourceServer / UpdateResourceServer",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},
	{
		Key:        "resource_servers[].identifier",
		Title:      "Resource server identifier",
		Meaning:    "The API's identifier, usually its URL (https://api.example.com) or a short name; it prefixes every scope.",
		CreateOnly: true,
		CreateOnlyWhy: "the identifier is the resource server's key and part of every scope name. A new identifier is a " +
			"new resource server, and clients must move to the new scope names.",
		APIField: "CreateResourceServer.Identifier",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},
	{
		Key:      "resource_servers[].name",
		Title:    "Resource server name",
		Meaning:  "A friendly name for the API.",
		APIField: "CreateResourceServer.Name",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},
	{
		Key:      "resource_servers[].scopes",
		Title:    "Custom scopes",
		Meaning:  "The scopes the API defines, up to 100.",
		APIField: "CreateResourceServer.Scopes",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},
	{
		Key:      "resource_servers[].scopes[].name",
		Title:    "Scope name",
		Meaning:  "The scope's name without the identifier, e.g. read; clients ask for <identifier>/read. No slashes.",
		APIField: "ResourceServerScopeType.ScopeName",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},
	{
		Key:      "resource_servers[].scopes[].description",
		Title:    "Scope description",
		Meaning:  "What the scope allows, for people reading the configuration.",
		APIField: "ResourceServerScopeType.ScopeDescription",
		DocURL:   devGuide + "cognito-user-pools-define-resource-servers.html",
	},

	// ---- identity pool
	{
		Key:   "identity_pool",
		Title: "Identity pool",
		Meaning: "Trades a user pool sign-in (or a social login) for temporary AWS credentials, so the app can call " +
			"AWS services directly. Only with services: user_pool_and_identity_pool. apply creates the identity pool, " +
			"an authenticated and an unauthenticated IAM role and one role per group. The roles cogwiz creates have " +
			"no permissions until you list managed policy ARNs (or attach policies yourself): what the app may do " +
			"with the credentials is your decision.",
		Default:        "absent",
		Recommended:    "absent (user pool only)",
		RecommendedWhy: "most apps call their own API, which checks the user pool's tokens; no IAM credentials needed.",
		APIField:       "CreateIdentityPool (Cognito identity pools API)",
		DocURL:         devGuide + "cognito-identity.html",
	},
	{
		Key:   "identity_pool.id",
		Title: "Identity pool ID",
		Meaning: "Pins an existing identity pool (REGION:GUID). When absent, cogwiz finds the identity pool by its " +
			"tag cogwiz:resource-name, which it sets when it creates the pool.",
		APIField: "DescribeIdentityPool.IdentityPoolId",
		DocURL:   identityAPI + "API_DescribeIdentityPool.html",
	},
	{
		Key:      "identity_pool.name",
		Title:    "Identity pool name",
		Meaning:  "The identity pool's display name, 1–128 letters, digits or underscores (Amplify's rule). It can be changed later.",
		APIField: "CreateIdentityPool.IdentityPoolName",
		DocURL:   identityAPI + "API_CreateIdentityPool.html",
	},
	{
		Key:            "identity_pool.allow_unauthenticated",
		Title:          "Guest access",
		Meaning:        "Whether users who have not signed in get (restricted) AWS credentials as guests.",
		Values:         []string{"true", "false"},
		Default:        "false",
		Recommended:    "false",
		RecommendedWhy: "guest credentials reach AWS without any sign-in; allow them only for a clear need.",
		APIField:       "CreateIdentityPool.AllowUnauthenticatedIdentities",
		DocURL:         devGuide + "identity-pools.html",
	},
	{
		Key:            "identity_pool.allow_classic_flow",
		Title:          "Basic (classic) flow",
		Meaning:        "Whether apps may use the basic authentication flow (GetOpenIdToken, then STS themselves) besides the enhanced one.",
		Values:         []string{"true", "false"},
		Default:        "false",
		Recommended:    "false",
		RecommendedWhy: "the enhanced flow keeps the role choice and its checks on Cognito's side.",
		APIField:       "CreateIdentityPool.AllowClassicFlow",
		DocURL:         devGuide + "authentication-flow.html",
	},
	{
		Key:   "identity_pool.app_clients",
		Title: "Trusted app clients",
		Meaning: "The app clients (by name, from app_clients) whose users the identity pool accepts. Absent: every app client " +
			"in the file, as Amplify does.",
		Default:  "every app client",
		APIField: "CreateIdentityPool.CognitoIdentityProviders",
		DocURL:   devGuide + "amazon-cognito-integrating-user-pools-with-identity-pools.html",
	},
	{
		Key:   "identity_pool.server_side_token_check",
		Title: "Server-side token check",
		Meaning: "Whether the identity pool asks the user pool, on each credential request, that the user is still signed in " +
			"(so a global sign-out takes effect at once).",
		Values:   []string{"true", "false"},
		Default:  "false",
		APIField: "CreateIdentityPool.CognitoIdentityProviders[].ServerSideTokenCheck",
		DocURL:   identityAPI + "API_CognitoIdentityProvider.html",
	},
	{
		Key:      "identity_pool.providers",
		Title:    "Identity pool login providers",
		Meaning:  "Social logins the identity pool trusts directly (without the user pool): Facebook, Google, Amazon, Apple.",
		APIField: "CreateIdentityPool.SupportedLoginProviders",
		DocURL:   devGuide + "external-identity-providers.html",
	},
	{
		Key:      "identity_pool.providers[].type",
		Title:    "Login provider",
		Meaning:  "facebook (graph.facebook.com), google (accounts.google.com), amazon (www.amazon.com) or apple (appleid.apple.com).",
		Values:   []string{"facebook", "google", "amazon", "apple"},
		APIField: "CreateIdentityPool.SupportedLoginProviders (key)",
		DocURL:   devGuide + "external-identity-providers.html",
	},
	{
		Key:      "identity_pool.providers[].app_id",
		Title:    "Login provider app ID",
		Meaning:  "The app's ID at the provider: Facebook app ID, Google web client ID, Amazon app ID, or Apple bundle ID.",
		APIField: "CreateIdentityPool.SupportedLoginProviders (value)",
		DocURL:   devGuide + "external-identity-providers.html",
	},
	{
		Key:      "identity_pool.providers[].extra_audiences",
		Title:    "Extra Google client IDs",
		Meaning:  "Google only: the iOS and Android client IDs, accepted as extra audiences of Google's tokens.",
		APIField: "CreateIdentityPool.OpenIdConnectProviderARNs (IAM OIDC provider audiences)",
		DocURL:   devGuide + "open-id.html",
	},
	{
		Key:   "identity_pool.openid_connect_provider_arns",
		Title: "OpenID Connect providers",
		Meaning: "ARNs of IAM OpenID Connect providers the identity pool trusts (create them in IAM first), " +
			"e.g. arn:aws:iam::123456789012:oidc-provider/accounts.google.com.",
		APIField: "CreateIdentityPool.OpenIdConnectProviderARNs",
		DocURL:   devGuide + "open-id.html",
	},
	{
		Key:      "identity_pool.saml_provider_arns",
		Title:    "SAML providers",
		Meaning:  "ARNs of IAM SAML providers the identity pool trusts (create them in IAM first).",
		APIField: "CreateIdentityPool.SamlProviderARNs",
		DocURL:   devGuide + "saml-identity-provider.html",
	},
	{
		Key:   "identity_pool.developer_provider_name",
		Title: "Developer provider name",
		Meaning: "The \"domain\" your own backend uses for developer-authenticated identities, e.g. login.myapp " +
			"(1–128 letters, digits, . _ -). Absent: none.",
		CreateOnly: true,
		CreateOnlyWhy: "Cognito accepts a developer provider name once and never changes it afterwards. " +
			"Put the old name back, or create a new identity pool (remove identity_pool.id and the old pool's tag) and move your backend to it.",
		APIField: "CreateIdentityPool.DeveloperProviderName",
		DocURL:   devGuide + "developer-authenticated-identities.html",
	},
	{
		Key:   "identity_pool.authenticated_role",
		Title: "Authenticated role",
		Meaning: "The IAM role signed-in users get credentials for. Absent: cogwiz creates <resource_name>-authRole, " +
			"trusted only by this identity pool (cognito-identity.amazonaws.com with aud = the pool id and amr = authenticated), " +
			"with no permissions unless managed_policy_arns lists some.",
		Default:  "a role cogwiz creates, named <resource_name>-authRole, with no permissions",
		APIField: "SetIdentityPoolRoles.Roles.authenticated (IAM CreateRole)",
		DocURL:   devGuide + "role-trust-and-permissions.html",
	},
	{
		Key:   "identity_pool.authenticated_role.name",
		Title: "Authenticated role name",
		Meaning: "The name of the role cogwiz creates (1–64 letters, digits or + = , . @ _ -), under the IAM path " +
			"/cogwiz/<resource_name>/ so that cogwiz can find the roles it made.",
		Default:       "<resource_name>-authRole",
		CreateOnly:    true,
		CreateOnlyWhy: whyRoleName,
		APIField:      "IAM CreateRole.RoleName",
		DocURL:        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
	},
	{
		Key:   "identity_pool.authenticated_role.arn",
		Title: "Existing authenticated role",
		Meaning: "Use this existing role instead of creating one. cogwiz only points the identity pool at it: it never " +
			"changes its trust or permissions, and destroy never deletes it. Its trust policy must allow this identity pool.",
		APIField: "SetIdentityPoolRoles.Roles.authenticated",
		DocURL:   devGuide + "role-trust-and-permissions.html",
	},
	{
		Key:   "identity_pool.authenticated_role.managed_policy_arns",
		Title: "Authenticated role policies",
		Meaning: "Managed policies cogwiz attaches to the role it creates, e.g. arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess. " +
			"Absent: none, so the role grants nothing until you add permissions.",
		APIField: "IAM AttachRolePolicy.PolicyArn",
		DocURL:   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
	},
	{
		Key:   "identity_pool.unauthenticated_role",
		Title: "Unauthenticated (guest) role",
		Meaning: "The IAM role guests get credentials for when allow_unauthenticated is true. Absent: cogwiz creates " +
			"<resource_name>-unauthRole (trust: this identity pool, amr = unauthenticated) with no permissions.",
		Default:  "a role cogwiz creates, named <resource_name>-unauthRole, with no permissions",
		APIField: "SetIdentityPoolRoles.Roles.unauthenticated (IAM CreateRole)",
		DocURL:   devGuide + "role-trust-and-permissions.html",
	},
	{
		Key:           "identity_pool.unauthenticated_role.name",
		Title:         "Unauthenticated role name",
		Meaning:       "The name of the guest role cogwiz creates (1–64 letters, digits or + = , . @ _ -).",
		Default:       "<resource_name>-unauthRole",
		CreateOnly:    true,
		CreateOnlyWhy: whyRoleName,
		APIField:      "IAM CreateRole.RoleName",
		DocURL:        "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
	},
	{
		Key:      "identity_pool.unauthenticated_role.arn",
		Title:    "Existing unauthenticated role",
		Meaning:  "Use this existing role for guests instead of creating one; cogwiz never changes or deletes it.",
		APIField: "SetIdentityPoolRoles.Roles.unauthenticated",
		DocURL:   devGuide + "role-trust-and-permissions.html",
	},
	{
		Key:      "identity_pool.unauthenticated_role.managed_policy_arns",
		Title:    "Unauthenticated role policies",
		Meaning:  "Managed policies cogwiz attaches to the guest role it creates. Absent: none, so guests can do nothing.",
		APIField: "IAM AttachRolePolicy.PolicyArn",
		DocURL:   "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html",
	},
	{
		Key:   "identity_pool.group_roles",
		Title: "Group roles",
		Meaning: "Whether cogwiz creates an IAM role for each group that has no role_arn, named <resource_name>-<group>GroupRole " +
			"(Amplify's <group>GroupRole), and sets it as the group's role. The roles have no permissions; attach " +
			"policies yourself, or give the group a role_arn of your own.",
		Values:   []string{"true", "false"},
		Default:  "true",
		APIField: "IAM CreateRole, then UpdateGroup.RoleArn",
		DocURL:   devGuide + "cognito-user-pools-user-groups.html",
	},
	{
		Key:   "identity_pool.role_mapping",
		Title: "Role mapping",
		Meaning: "token: signed-in users get the role their ID token names (cognito:preferred_role, from their groups), " +
			"so group roles take effect; none: everyone signed in gets the authenticated role.",
		Values:         []string{RoleMappingToken, RoleMappingNone},
		Default:        "token when groups get roles, none otherwise",
		Recommended:    RoleMappingToken,
		RecommendedWhy: "without it, group roles are never used.",
		APIField:       "SetIdentityPoolRoles.RoleMappings[].Type",
		DocURL:         devGuide + "role-based-access-control.html",
	},
	{
		Key:            "identity_pool.ambiguous_role_resolution",
		Title:          "Ambiguous role resolution",
		Meaning:        "With token mapping: what a user in several groups without a preferred role gets.",
		Values:         []string{AmbiguousAuthenticated, AmbiguousDeny},
		Default:        AmbiguousAuthenticated,
		Recommended:    AmbiguousAuthenticated,
		RecommendedWhy: "what Amplify sets; set group precedence so the preferred role is never ambiguous.",
		APIField:       "SetIdentityPoolRoles.RoleMappings[].AmbiguousRoleResolution",
		DocURL:         devGuide + "role-based-access-control.html",
	},

	// ---- admin queries
	{
		Key:   "admin_queries",
		Title: "Admin queries API",
		Meaning: "Amplify's REST API (API Gateway + Lambda) that lets signed-in administrators list users and groups " +
			"and change them from the front end. cogwiz records the choice; it does not build the API.",
		APIField: NoAPIField + " (Amplify's API Gateway and Lambda)",
		DocURL:   amplifyDocs + "build-a-backend/auth/admin-actions/",
	},
	{
		Key:            "admin_queries.enabled",
		Title:          "Admin queries enabled",
		Meaning:        "Whether the admin queries API is wanted.",
		Values:         []string{"true", "false"},
		Default:        "false",
		Recommended:    "false",
		RecommendedWhy: "one more public endpoint with admin rights; call the admin API from your own backend instead.",
		APIField:       NoAPIField + " (Amplify's admin queries API)",
		DocURL:         amplifyDocs + "build-a-backend/auth/admin-actions/",
	},
	{
		Key:      "admin_queries.group",
		Title:    "Admin queries group",
		Meaning:  "The only group allowed to call the admin queries API. Amplify builds the API only when a group is set.",
		APIField: NoAPIField + " (the function's GROUP setting)",
		DocURL:   amplifyDocs + "build-a-backend/auth/admin-actions/",
	},

	// ---- generated trigger functions
	{
		Key:   "functions",
		Title: "Generated trigger functions",
		Meaning: "Where and how cogwiz generates the Lambda functions of user_pool.capabilities: one function per " +
			"trigger, its source written once and yours from then on (cogwiz never overwrites a file you edited). " +
			"Absent means the defaults below.",
		APIField: NoAPIField + " (cogwiz's generated functions)",
		DocURL:   "https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html",
	},
	{
		Key:   "functions.source_dir",
		Title: "Function source folder",
		Meaning: "The folder, relative to this file's, that holds one subfolder per trigger (e.g. post_confirmation/) " +
			"with index.mjs and one module per capability. Commit it with this file.",
		Default:  DefaultFunctionsDir,
		APIField: NoAPIField + " (where cogwiz writes the sources)",
		DocURL:   "https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html",
	},
	{
		Key:   "functions.runtime",
		Title: "Function runtime",
		Meaning: "The Lambda Node.js runtime of every generated function. Each includes the AWS SDK for JavaScript v3, " +
			"so the functions bundle no dependencies.",
		Values:         FunctionRuntimes,
		Default:        DefaultFunctionsRuntime,
		Recommended:    DefaultFunctionsRuntime,
		RecommendedWhy: "the runtime Amplify's trigger templates use, supported by Lambda until April 2027.",
		APIField:       "Lambda CreateFunction.Runtime",
		DocURL:         "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
	},
}

// standardAttributes are the OpenID Connect standard attributes a pool can
// require at sign-up.
var standardAttributes = []string{
	"address", "birthdate", "email", "family_name", "gender", "given_name", "locale", "middle_name",
	"name", "nickname", "phone_number", "picture", "preferred_username", "profile", "updated_at",
	"website", "zoneinfo",
}
