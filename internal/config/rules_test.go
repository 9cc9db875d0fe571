package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func testFnARN(name string) string {
	return "arn:aws:lambda:us-east-1:123456789012:function:" + name
}

// validBase is a configuration that uses most features and breaks no rule.
func validBase() *Config {
	return &Config{
		Version: 1, ResourceName: "AppAuth", Services: ServicesUserPool,
		UserPool: UserPool{
			Name:   "AppUserPool",
			SignIn: SignIn{UsernameAttributes: []string{"email"}, CaseSensitive: Bool(false)},
			Attributes: Attributes{
				Required: []string{"email", "name"},
				Custom: []CustomAttribute{
					{Name: "tier", Type: "String", Mutable: Bool(true), MinLength: Int(1), MaxLength: Int(32)},
					{Name: "age", Type: "Number", Mutable: Bool(false), MinValue: Int(0), MaxValue: Int(150)},
					{Name: "joined", Type: "DateTime"},
				},
			},
			PasswordPolicy: &PasswordPolicy{MinimumLength: Int(8), TemporaryPasswordValidityDays: Int(7), PasswordHistorySize: Int(3)},
			MFA:            &MFA{Mode: MFAOptional, Factors: []string{FactorTOTP, FactorSMS}, SMSMessage: "Your authentication code is {####}"},
			SMS:            &SMS{SNSCallerARN: "arn:aws:iam::123456789012:role/service-role/cognito-sms", ExternalID: "abc"},
			Verification: &Verification{
				AutoVerifiedAttributes: []string{"email", "phone_number"}, KeepOriginalUntilVerified: Bool(true),
				EmailStyle: EmailStyleCode, EmailSubject: "Your verification code",
				EmailMessage: "Your verification code is {####}", SMSMessage: "Your verification code is {####}",
			},
			AccountRecovery: []string{"verified_email", "verified_phone_number"},
			EmailSending: &EmailSending{
				Account: "DEVELOPER", SourceARN: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
				From: "Example <no-reply@example.com>", ReplyTo: "support@example.com", ConfigurationSet: "transactional",
			},
			AdminCreateUser: &AdminCreateUser{
				InviteEmailSubject: "Welcome",
				InviteEmailMessage: "Your username is {username} and temporary password is {####}",
				InviteSMSMessage:   "User {username} code {####}",
			},
			FeaturePlan:        "ESSENTIALS",
			DeletionProtection: Bool(true),
			Triggers: &Triggers{
				PostConfirmation: testFnARN("post-confirm"), PreSignUp: testFnARN("pre-sign-up:live"),
				PreTokenGeneration: testFnARN("claims"), PreTokenGenerationVersion: "V2_0",
			},
			Capabilities: []Capability{
				{Type: CapAddUserToGroup, Group: "Admins"},
				{Type: CapEmailDomainDenylist, Domains: []string{"spam.example", "junk.example.org"}},
			},
			Groups: []Group{{Name: "Admins", Precedence: Int(0), Description: "Administrators", RoleARN: "arn:aws:iam::123456789012:role/admins"}},
			Tags:   map[string]string{"team": "auth"},
		},
		AppClients: []AppClient{
			{
				Name:            "web",
				TokenValidity:   &TokenValidity{Access: Duration{1, "h"}, ID: Duration{60, "m"}, Refresh: Duration{30, "d"}},
				AuthFlows:       []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"},
				ReadAttributes:  []string{"email", "email_verified", "name", "custom:tier"},
				WriteAttributes: []string{"email", "name", "custom:tier"},
				OAuth: &OAuth{
					Flows:              []string{"code"},
					Scopes:             []string{"openid", "email", "profile", "aws.cognito.signin.user.admin", "api/read"},
					CallbackURLs:       []string{"http://localhost:3000/", "https://app.example.com/callback", "myapp://callback", "http://127.0.0.1:8080/cb", "http://[::1]:9000/"},
					LogoutURLs:         []string{"http://localhost:3000/logout"},
					DefaultRedirectURI: "https://app.example.com/callback",
					IdentityProviders:  []string{"COGNITO", "Google", "Corp"},
				},
			},
			{Name: "machine", GenerateSecret: true, OAuth: &OAuth{Flows: []string{"client_credentials"}, Scopes: []string{"api/read"}}},
		},
		Domain: &Domain{Prefix: "myapp-auth", ManagedLoginVersion: Int(2)},
		IdentityProviders: []IdentityProvider{
			{
				Type: IdPGoogle, ClientID: "123.apps.googleusercontent.com", ClientSecret: "${env:GOOGLE_CLIENT_SECRET}",
				Scopes: []string{"openid", "email", "profile"}, AttributeMapping: map[string]string{"email": "email", "name": "name", "username": "sub"},
			},
			{
				Type: IdPOIDC, Name: "Corp", ClientID: "corp", ClientSecret: "${env:CORP_CLIENT_SECRET}",
				OIDCIssuer: "https://login.example.com", AttributesRequestMethod: "GET",
				AttributeMapping: map[string]string{"email": "email", "name": "name", "custom:tier": "tier", "email_verified": "email_verified"},
			},
		},
		ResourceServers: []ResourceServer{{Identifier: "api", Name: "Orders API", Scopes: []Scope{{Name: "read", Description: "Read access"}}}},
		AdminQueries:    &AdminQueries{Enabled: true, Group: "Admins"},
	}
}

func TestGeneratedTriggers(t *testing.T) {
	c := validBase()
	c.UserPool.Capabilities = append(c.UserPool.Capabilities,
		Capability{Type: CapEmailDomainAllowlist, Domains: []string{"example.com"}},
		Capability{Type: CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"})
	c.UserPool.Triggers.PreSignUp = ""
	c.UserPool.Triggers.CreateAuthChallenge = testFnARN("create")
	got := GeneratedTriggers(c)
	// post_confirmation and pre_token_generation hold ARNs; create_auth_challenge too.
	want := []GeneratedTrigger{
		{Key: "pre_sign_up", Capabilities: []string{CapEmailDomainDenylist, CapEmailDomainAllowlist}},
		{Key: "define_auth_challenge", Capabilities: []string{CapRecaptcha}},
		{Key: "verify_auth_challenge_response", Capabilities: []string{CapRecaptcha}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("GeneratedTriggers = %+v, want %+v", got, want)
	}
}

func TestValidateBaseIsValid(t *testing.T) {
	if issues := Validate(validBase()); len(issues) != 0 {
		t.Fatalf("base config should be valid, got:\n%s", formatIssues(issues))
	}
}

func formatIssues(issues []Issue) string {
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "  %s %s: %s — %s\n", is.Severity, is.Path, is.Message, is.Hint)
	}
	return b.String()
}

type ruleCase struct {
	name string
	mut  func(c *Config)
	path string
	msg  string
	sev  Severity
}

// warn marks a case whose issue is a warning.
func warn(rc ruleCase) ruleCase { rc.sev = SeverityWarning; return rc }

func pool(f func(up *UserPool)) func(*Config) { return func(c *Config) { f(&c.UserPool) } }
func web(f func(ac *AppClient)) func(*Config) { return func(c *Config) { f(&c.AppClients[0]) } }
func webOAuth(f func(o *OAuth)) func(*Config) {
	return func(c *Config) { f(c.AppClients[0].OAuth) }
}
func google(f func(ip *IdentityProvider)) func(*Config) {
	return func(c *Config) { f(&c.IdentityProviders[0]) }
}

// identity gives the valid base file an identity pool and lets f spoil it.
func identity(f func(*IdentityPool)) func(*Config) {
	return func(c *Config) {
		c.Services = ServicesUserPoolIdentityPool
		c.IdentityPool = &IdentityPool{Name: "my_pool"}
		f(c.IdentityPool)
	}
}

var invalidCases = []ruleCase{
	// top level
	{"version missing", func(c *Config) { c.Version = 0 }, "version", "version is missing", 0},
	{"version unsupported", func(c *Config) { c.Version = 2 }, "version", "version 2 is not supported", 0},
	{"resource_name empty", func(c *Config) { c.ResourceName = "" }, "resource_name", "cannot be empty", 0},
	{"resource_name dash", func(c *Config) { c.ResourceName = "my-app" }, "resource_name", "only letters and digits", 0},
	{"resource_name long", func(c *Config) { c.ResourceName = strings.Repeat("a", 129) }, "resource_name", "at most 128", 0},
	{"services unknown", func(c *Config) { c.Services = "identity_pool" }, "services", "not allowed", 0},
	{"mode unknown", func(c *Config) { c.Mode = "defaultSocial" }, "mode", "not allowed", 0},
	{"identity pool without services", func(c *Config) { c.IdentityPool = &IdentityPool{Name: "x"} }, "identity_pool", "only used with services", 0},
	{"services needs identity pool", func(c *Config) { c.Services = ServicesUserPoolIdentityPool }, "services", "needs an identity_pool", 0},
	{"identity pool name", func(c *Config) {
		c.Services = ServicesUserPoolIdentityPool
		c.IdentityPool = &IdentityPool{Name: "my pool"}
	}, "identity_pool.name", "letters, digits and underscores", 0},
	{"identity pool provider type", func(c *Config) {
		c.Services = ServicesUserPoolIdentityPool
		c.IdentityPool = &IdentityPool{Name: "my_pool", Providers: []IdentityPoolProvider{{Type: "twitter", AppID: "1"}}}
	}, "identity_pool.providers[0].type", `"twitter" is not allowed`, 0},
	{"identity pool provider app id", func(c *Config) {
		c.Services = ServicesUserPoolIdentityPool
		c.IdentityPool = &IdentityPool{Name: "my_pool", Providers: []IdentityPoolProvider{{Type: "google"}}}
	}, "identity_pool.providers[0].app_id", "cannot be empty", 0},
	{"identity pool trusts an unknown client", identity(func(ip *IdentityPool) { ip.AppClients = []string{"mobile"} }),
		"identity_pool.app_clients[0]", `app client "mobile" is not declared`, 0},
	{"identity pool role mapping", identity(func(ip *IdentityPool) { ip.RoleMapping = "groups" }), "identity_pool.role_mapping", "not allowed", 0},
	{"identity pool role name", identity(func(ip *IdentityPool) { ip.AuthenticatedRole = &IdentityPoolRole{Name: strings.Repeat("r", 65)} }),
		"identity_pool.authenticated_role.name", "not a valid IAM role name", 0},
	{"identity pool role ARN", identity(func(ip *IdentityPool) { ip.UnauthenticatedRole = &IdentityPoolRole{ARN: "arn:aws:iam::1:user/x"} }),
		"identity_pool.unauthenticated_role.arn", "not an IAM role ARN", 0},
	{"identity pool policy ARN", identity(func(ip *IdentityPool) {
		ip.AuthenticatedRole = &IdentityPoolRole{ManagedPolicyARNs: []string{"AmazonS3ReadOnlyAccess"}}
	}), "identity_pool.authenticated_role.managed_policy_arns[0]", "not an IAM managed policy ARN", 0},
	{"identity pool roles share a name", identity(func(ip *IdentityPool) { ip.UnauthenticatedRole = &IdentityPoolRole{Name: "AppAuth-authRole"} }),
		"identity_pool.unauthenticated_role.name", "is used by identity_pool.authenticated_role too", 0},
	{"identity pool OIDC ARN", identity(func(ip *IdentityPool) { ip.OpenIDConnectProviderARNs = []string{"accounts.google.com"} }),
		"identity_pool.openid_connect_provider_arns[0]", "not an IAM oidc-provider ARN", 0},
	{"identity pool developer provider", identity(func(ip *IdentityPool) { ip.DeveloperProviderName = "login app" }),
		"identity_pool.developer_provider_name", "not a valid developer provider name", 0},

	// pool name and sign-in
	{"pool id", pool(func(up *UserPool) { up.ID = "AbCdEf123" }), "user_pool.id", "<region>_<id>", 0},
	{"client id", web(func(ac *AppClient) { ac.ID = "not/an/id" }), "app_clients[0].id", "letters, digits", 0},
	{"pool name empty", pool(func(up *UserPool) { up.Name = "" }), "user_pool.name", "cannot be empty", 0},
	{"pool name chars", pool(func(up *UserPool) { up.Name = "my/pool" }), "user_pool.name", "only letters, digits", 0},
	{"username attribute unknown", pool(func(up *UserPool) { up.SignIn.UsernameAttributes = []string{"preferred_username"} }),
		"user_pool.sign_in.username_attributes[0]", "not allowed", 0},
	{"username attribute dup", pool(func(up *UserPool) { up.SignIn.UsernameAttributes = []string{"email", "email"} }),
		"user_pool.sign_in.username_attributes[1]", "twice", 0},
	{"alias attribute unknown", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = nil
		up.SignIn.AliasAttributes = []string{"nickname"}
	}), "user_pool.sign_in.alias_attributes[0]", "not allowed", 0},
	{"username and alias", pool(func(up *UserPool) { up.SignIn.AliasAttributes = []string{"preferred_username"} }),
		"user_pool.sign_in.alias_attributes", "cannot both be set", 0},
	{"preferred_username required and alias", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = nil
		up.SignIn.AliasAttributes = []string{"preferred_username"}
		up.Attributes.Required = append(up.Attributes.Required, "preferred_username")
	}), "user_pool.sign_in.alias_attributes", "both required and an alias", 0},
	warn(ruleCase{"email sign-in not verified", pool(func(up *UserPool) {
		up.Verification.AutoVerifiedAttributes = nil
		up.Verification.KeepOriginalUntilVerified = nil
	}),
		"user_pool.sign_in.username_attributes", "email is not auto-verified", 0}),
	{"phone sign-in needs sms", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = []string{"phone_number"}
		up.SMS = nil
		up.MFA.Factors = []string{FactorTOTP}
		up.AccountRecovery = []string{"verified_email"}
	}), "user_pool.sign_in.username_attributes", "phone_number needs SMS configuration", 0},
	{"phone alias needs sms", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = nil
		up.SignIn.AliasAttributes = []string{"phone_number"}
		up.SMS = nil
		up.MFA.Factors = []string{FactorTOTP}
		up.AccountRecovery = []string{"verified_email"}
	}), "user_pool.sign_in.alias_attributes", "phone_number needs SMS configuration", 0},

	// attributes
	{"required unknown", pool(func(up *UserPool) { up.Attributes.Required = []string{"email", "shoe_size"} }),
		"user_pool.attributes.required[1]", "not a standard attribute", 0},
	{"required custom", pool(func(up *UserPool) { up.Attributes.Required = []string{"email", "custom:tier"} }),
		"user_pool.attributes.required[1]", "cannot be required", 0},
	{"required dup", pool(func(up *UserPool) { up.Attributes.Required = []string{"email", "name", "email"} }),
		"user_pool.attributes.required[2]", "twice", 0},
	{"custom prefix", pool(func(up *UserPool) { up.Attributes.Custom[0].Name = "custom:tier" }),
		"user_pool.attributes.custom[0].name", "must not start with custom:", 0},
	{"custom name long", pool(func(up *UserPool) { up.Attributes.Custom[0].Name = strings.Repeat("x", 21) }),
		"user_pool.attributes.custom[0].name", "at most 20", 0},
	{"custom name space", pool(func(up *UserPool) { up.Attributes.Custom[0].Name = "my tier" }),
		"user_pool.attributes.custom[0].name", "printable", 0},
	{"custom name standard", pool(func(up *UserPool) { up.Attributes.Custom[0].Name = "email" }),
		"user_pool.attributes.custom[0].name", "standard attribute", 0},
	{"custom name dup", pool(func(up *UserPool) { up.Attributes.Custom[1].Name = "tier" }),
		"user_pool.attributes.custom[1].name", "declared twice", 0},
	{"custom too many", pool(func(up *UserPool) {
		for i := range 48 {
			up.Attributes.Custom = append(up.Attributes.Custom, CustomAttribute{Name: fmt.Sprintf("a%d", i), Type: "String"})
		}
	}), "user_pool.attributes.custom", "at most 50", 0},
	{"custom type", pool(func(up *UserPool) { up.Attributes.Custom[2].Type = "Date" }),
		"user_pool.attributes.custom[2].type", `"Date" is not allowed`, 0},
	{"custom type case", pool(func(up *UserPool) { up.Attributes.Custom[2].Type = "string" }),
		"user_pool.attributes.custom[2].type", `"string" is not allowed`, 0},
	{"custom min > max length", pool(func(up *UserPool) { up.Attributes.Custom[0].MinLength = Int(40) }),
		"user_pool.attributes.custom[0].min_length", "greater than max_length", 0},
	{"custom max length 2049", pool(func(up *UserPool) { up.Attributes.Custom[0].MaxLength = Int(2049) }),
		"user_pool.attributes.custom[0].max_length", "out of range", 0},
	{"custom negative min length", pool(func(up *UserPool) { up.Attributes.Custom[0].MinLength = Int(-1) }),
		"user_pool.attributes.custom[0].min_length", "out of range", 0},
	{"custom min > max value", pool(func(up *UserPool) { up.Attributes.Custom[1].MinValue = Int(200) }),
		"user_pool.attributes.custom[1].min_value", "greater than max_value", 0},
	{"length on number", pool(func(up *UserPool) { up.Attributes.Custom[1].MaxLength = Int(3) }),
		"user_pool.attributes.custom[1].min_length", "only to String", 0},
	{"value on string", pool(func(up *UserPool) { up.Attributes.Custom[0].MinValue = Int(3) }),
		"user_pool.attributes.custom[0].min_value", "only to Number", 0},

	// password policy
	{"min length 5", pool(func(up *UserPool) { up.PasswordPolicy.MinimumLength = Int(5) }),
		"user_pool.password_policy.minimum_length", "from 6 to 99", 0},
	{"min length 100", pool(func(up *UserPool) { up.PasswordPolicy.MinimumLength = Int(100) }),
		"user_pool.password_policy.minimum_length", "from 6 to 99", 0},
	{"temp validity 366", pool(func(up *UserPool) { up.PasswordPolicy.TemporaryPasswordValidityDays = Int(366) }),
		"user_pool.password_policy.temporary_password_validity_days", "from 0 to 365", 0},
	{"history 25", pool(func(up *UserPool) { up.PasswordPolicy.PasswordHistorySize = Int(25) }),
		"user_pool.password_policy.password_history_size", "from 0 to 24", 0},
	{"history on lite", func(c *Config) { liteize(c); c.UserPool.PasswordPolicy.PasswordHistorySize = Int(5) },
		"user_pool.password_policy.password_history_size", "ESSENTIALS or PLUS", 0},

	// MFA and SMS
	{"mfa mode", pool(func(up *UserPool) { up.MFA.Mode = "SOMETIMES" }), "user_pool.mfa.mode", "not allowed", 0},
	{"mfa mode case", pool(func(up *UserPool) { up.MFA.Mode = "off" }), "user_pool.mfa.mode", `"off" is not allowed`, 0},
	{"mfa factor", pool(func(up *UserPool) { up.MFA.Factors = []string{"webauthn"} }), "user_pool.mfa.factors[0]", "not allowed", 0},
	{"mfa on without factor", pool(func(up *UserPool) { up.MFA.Mode = MFAOn; up.MFA.Factors = nil }),
		"user_pool.mfa.factors", "at least one factor", 0},
	warn(ruleCase{"mfa off with factors", pool(func(up *UserPool) { up.MFA.Mode = MFAOff }), "user_pool.mfa.factors", "ignored while mode is OFF", 0}),
	{"sms factor without role", pool(func(up *UserPool) { up.SMS = nil; up.AccountRecovery = []string{"verified_email"} }),
		"user_pool.mfa.factors", "sms factor needs SMS configuration", 0},
	{"email factor on default sender", pool(func(up *UserPool) {
		up.MFA.Factors = []string{FactorEmail}
		up.EmailSending = &EmailSending{Account: "COGNITO_DEFAULT"}
		up.Verification.AutoVerifiedAttributes = []string{"email"}
	}), "user_pool.mfa.factors", "account DEVELOPER", 0},
	{"email factor on lite", func(c *Config) { liteize(c); c.UserPool.MFA.Factors = []string{FactorEmail} },
		"user_pool.mfa.factors", "ESSENTIALS or PLUS", 0},
	{"mfa sms message placeholder", pool(func(up *UserPool) { up.MFA.SMSMessage = "Your code is here" }),
		"user_pool.mfa.sms_message", "must contain {####}", 0},
	{"mfa sms message long", pool(func(up *UserPool) { up.MFA.SMSMessage = "{####}" + strings.Repeat("x", 140) }),
		"user_pool.mfa.sms_message", "at most 140", 0},
	{"sns role arn", pool(func(up *UserPool) { up.SMS.SNSCallerARN = "arn:aws:iam::123456789012:user/bob" }),
		"user_pool.sms.sns_caller_arn", "IAM role ARN", 0},
	{"sms without external id", pool(func(up *UserPool) { up.SMS.ExternalID = "" }),
		"user_pool.sms.external_id", "sms needs external_id", 0},

	// verification
	{"auto verified unknown", pool(func(up *UserPool) { up.Verification.AutoVerifiedAttributes = []string{"email", "name"} }),
		"user_pool.verification.auto_verified_attributes[1]", "not allowed", 0},
	{"phone verify needs sms", pool(func(up *UserPool) {
		up.Verification.AutoVerifiedAttributes = []string{"email", "phone_number"}
		up.SMS = nil
		up.MFA.Factors = []string{FactorTOTP}
		up.AccountRecovery = nil
	}), "user_pool.verification.auto_verified_attributes", "verifying phone_number needs SMS", 0},
	{"keep original without verified", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = nil
		up.Verification.AutoVerifiedAttributes = nil
	}), "user_pool.verification.keep_original_until_verified", "needs auto-verified attributes", 0},
	{"email style", pool(func(up *UserPool) { up.Verification.EmailStyle = "button" }), "user_pool.verification.email_style", "not allowed", 0},
	{"email message placeholder", pool(func(up *UserPool) { up.Verification.EmailMessage = "Welcome aboard" }),
		"user_pool.verification.email_message", "must contain {####}", 0},
	{"email message short", pool(func(up *UserPool) { up.Verification.EmailMessage = "{###}" }),
		"user_pool.verification.email_message", "at least 6", 0},
	{"email subject long", pool(func(up *UserPool) { up.Verification.EmailSubject = strings.Repeat("s", 141) }),
		"user_pool.verification.email_subject", "at most 140", 0},
	{"link message", pool(func(up *UserPool) {
		up.Verification.EmailStyle = EmailStyleLink
		up.Verification.EmailSubject, up.Verification.EmailMessage = "", ""
		up.Verification.EmailMessageByLink = "Click here to verify"
	}), "user_pool.verification.email_message_by_link", "{##link text##}", 0},
	{"link subject", pool(func(up *UserPool) {
		up.Verification.EmailStyle = EmailStyleLink
		up.Verification.EmailSubject, up.Verification.EmailMessage = "", ""
		up.Verification.EmailSubjectByLink = strings.Repeat("s", 141)
	}), "user_pool.verification.email_subject_by_link", "at most 140", 0},
	warn(ruleCase{"code fields with link style", pool(func(up *UserPool) { up.Verification.EmailStyle = EmailStyleLink }),
		"user_pool.verification.email_message", "not used while email_style is link", 0}),
	{"verification sms", pool(func(up *UserPool) { up.Verification.SMSMessage = "code: ####" }),
		"user_pool.verification.sms_message", "must contain {####}", 0},

	// account recovery
	{"recovery unknown", pool(func(up *UserPool) { up.AccountRecovery = []string{"email"} }), "user_pool.account_recovery[0]", "not allowed", 0},
	{"recovery three", pool(func(up *UserPool) {
		up.AccountRecovery = []string{"verified_email", "verified_phone_number", "verified_email"}
	}), "user_pool.account_recovery", "at most 2", 0},
	{"recovery dup", pool(func(up *UserPool) { up.AccountRecovery = []string{"verified_email", "verified_email"} }),
		"user_pool.account_recovery[1]", "twice", 0},
	{"recovery admin_only not alone", pool(func(up *UserPool) { up.AccountRecovery = []string{"admin_only", "verified_email"} }),
		"user_pool.account_recovery", "admin_only must be the only", 0},
	warn(ruleCase{"recovery by phone without sms", pool(func(up *UserPool) { up.SMS = nil; up.MFA.Factors = []string{FactorTOTP} }),
		"user_pool.account_recovery", "sends SMS", 0}),

	// email sending
	{"email account", pool(func(up *UserPool) { up.EmailSending.Account = "SES" }), "user_pool.email_sending.account", "not allowed", 0},
	{"developer without source", pool(func(up *UserPool) { up.EmailSending.SourceARN = "" }),
		"user_pool.email_sending.source_arn", "needs source_arn", 0},
	{"source arn", pool(func(up *UserPool) { up.EmailSending.SourceARN = "no-reply@example.com" }),
		"user_pool.email_sending.source_arn", "SES identity ARN", 0},
	{"from address", pool(func(up *UserPool) { up.EmailSending.From = "Example no-reply" }),
		"user_pool.email_sending.from", "not an email address", 0},
	{"reply_to address", pool(func(up *UserPool) { up.EmailSending.ReplyTo = "support" }),
		"user_pool.email_sending.reply_to", "not an email address", 0},
	{"configuration set", pool(func(up *UserPool) { up.EmailSending.ConfigurationSet = strings.Repeat("c", 65) }),
		"user_pool.email_sending.configuration_set", "at most 64", 0},
	warn(ruleCase{"recovery by unverified email", pool(func(up *UserPool) {
		up.Verification.AutoVerifiedAttributes = []string{"phone_number"}
		up.SignIn.UsernameAttributes = nil
	}), "user_pool.account_recovery[0]", "needs email to be verified", 0}),
	warn(ruleCase{"default sender cap", pool(func(up *UserPool) { up.EmailSending = nil }),
		"user_pool.email_sending", "50 emails a day", 0}),

	// admin create user
	{"invite email needs username", pool(func(up *UserPool) { up.AdminCreateUser.InviteEmailMessage = "Your password is {####}" }),
		"user_pool.admin_create_user.invite_email_message", "must contain {username}", 0},
	{"invite sms needs both", pool(func(up *UserPool) { up.AdminCreateUser.InviteSMSMessage = "Welcome to the app" }),
		"user_pool.admin_create_user.invite_sms_message", "{username} and {####}", 0},
	{"invite subject empty-ish", pool(func(up *UserPool) { up.AdminCreateUser.InviteEmailSubject = strings.Repeat("w", 141) }),
		"user_pool.admin_create_user.invite_email_subject", "at most 140", 0},

	// feature plan
	{"feature plan", pool(func(up *UserPool) { up.FeaturePlan = "GOLD" }), "user_pool.feature_plan", "not allowed", 0},
	{"user auth on lite", func(c *Config) { liteize(c); c.AppClients[0].AuthFlows = []string{"ALLOW_USER_AUTH"} },
		"app_clients[0].auth_flows", "ESSENTIALS or PLUS", 0},

	// triggers
	{"trigger arn", pool(func(up *UserPool) { up.Triggers.PreSignUp = "my-function" }), "user_pool.triggers.pre_sign_up", "Lambda function ARN", 0},
	{"trigger arn region", pool(func(up *UserPool) { up.Triggers.CustomMessage = "arn:aws:lambda:us-east-1:12345:function:x" }),
		"user_pool.triggers.custom_message", "Lambda function ARN", 0},
	{"custom sender needs kms", pool(func(up *UserPool) { up.Triggers.CustomEmailSender = testFnARN("sender") }),
		"user_pool.triggers.kms_key_id", "need kms_key_id", 0},
	{"kms arn", pool(func(up *UserPool) { up.Triggers.KMSKeyID = "alias/my-key" }), "user_pool.triggers.kms_key_id", "KMS key ARN", 0},
	{"pending trigger unknown", pool(func(up *UserPool) { up.Triggers.Pending = []string{"pre_signup"} }), "user_pool.triggers.pending[0]", `"pre_signup" is not allowed`, 0},
	{"token version value", pool(func(up *UserPool) { up.Triggers.PreTokenGenerationVersion = "V4_0" }),
		"user_pool.triggers.pre_token_generation_version", "not allowed", 0},
	{"token version without trigger", pool(func(up *UserPool) {
		up.Triggers.PreTokenGeneration = ""
	}), "user_pool.triggers.pre_token_generation_version", "needs pre_token_generation", 0},
	{"token version V2 on lite", func(c *Config) { liteize(c); c.UserPool.Triggers.PreTokenGenerationVersion = "V2_0" },
		"user_pool.triggers.pre_token_generation_version", "ESSENTIALS or PLUS", 0},

	// capabilities
	{"capability type", pool(func(up *UserPool) { up.Capabilities[0].Type = "captcha" }), "user_pool.capabilities[0].type", "not allowed", 0},
	{"capability dup", pool(func(up *UserPool) { up.Capabilities[1] = up.Capabilities[0] }), "user_pool.capabilities[1].type", "twice", 0},
	{"add to group needs group", pool(func(up *UserPool) { up.Capabilities[0].Group = "" }), "user_pool.capabilities[0].group", "cannot be empty", 0},
	warn(ruleCase{"add to group undeclared", pool(func(up *UserPool) { up.Capabilities[0].Group = "Editors" }),
		"user_pool.capabilities[0].group", "not declared", 0}),
	{"denylist needs domains", pool(func(up *UserPool) { up.Capabilities[1].Domains = nil }), "user_pool.capabilities[1].domains", "needs domains", 0},
	{"denylist bad domain", pool(func(up *UserPool) { up.Capabilities[1].Domains = []string{"not a domain"} }),
		"user_pool.capabilities[1].domains[0]", "not a domain name", 0},
	{"verification link redirect", pool(func(up *UserPool) {
		up.Triggers.CustomMessage = testFnARN("msg")
		up.Capabilities = append(up.Capabilities, Capability{Type: CapEmailVerificationLink, RedirectURL: "http://example.com/done"})
	}), "user_pool.capabilities[2].redirect_url", "must be https", 0},
	{"recaptcha needs secret", pool(func(up *UserPool) {
		up.Capabilities = append(up.Capabilities, Capability{Type: CapRecaptcha})
	}), "user_pool.capabilities[2].secret", "needs the reCAPTCHA secret", 0},
	{"recaptcha literal secret", pool(func(up *UserPool) {
		up.Capabilities = append(up.Capabilities, Capability{Type: CapRecaptcha, Secret: "6LcSECRETVALUE"})
	}), "user_pool.capabilities[2].secret", "secret is a literal value", 0},
	warn(ruleCase{"challenge capability partly wired", pool(func(up *UserPool) {
		up.Triggers.DefineAuthChallenge = testFnARN("define")
		up.Capabilities = append(up.Capabilities, Capability{Type: CapCustomAuthScaffolding})
	}), "user_pool.capabilities[2]", "your function for define_auth_challenge but a generated one for create_auth_challenge, verify_auth_challenge_response", 0}),
	{"two challenge capabilities generated", pool(func(up *UserPool) {
		up.Capabilities = append(up.Capabilities, Capability{Type: CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
			Capability{Type: CapCustomAuthScaffolding})
	}), "user_pool.capabilities[3].type", "custom_auth_scaffolding cannot share the generated define_auth_challenge function with recaptcha", 0},
	{"generated verification link needs subject", pool(func(up *UserPool) {
		up.Capabilities = append(up.Capabilities, Capability{Type: CapEmailVerificationLink,
			RedirectURL: "https://app.example.com/verified", EmailMessage: "Verify your email"})
	}), "user_pool.capabilities[2].email_subject", "needs email_subject", 0},
	{"generated verification link needs message", pool(func(up *UserPool) {
		up.Capabilities = append(up.Capabilities, Capability{Type: CapEmailVerificationLink,
			RedirectURL: "https://app.example.com/verified", EmailSubject: "Verify"})
	}), "user_pool.capabilities[2].email_message", "needs email_message", 0},

	// generated functions
	{"functions runtime", func(c *Config) { c.Functions = &Functions{Runtime: "nodejs18.x"} }, "functions.runtime", "not allowed", 0},
	{"functions dir outside", func(c *Config) { c.Functions = &Functions{SourceDir: "../shared/fns"} }, "functions.source_dir", "inside the directory", 0},
	{"functions dir absolute", func(c *Config) { c.Functions = &Functions{SourceDir: "/srv/fns"} }, "functions.source_dir", "must be relative", 0},
	{"functions dir dot", func(c *Config) { c.Functions = &Functions{SourceDir: "./"} }, "functions.source_dir", "inside the directory", 0},
	// groups and tags
	{"group name space", pool(func(up *UserPool) { up.Groups[0].Name = "Site Admins" }), "user_pool.groups[0].name", "no spaces", 0},
	{"group dup", pool(func(up *UserPool) { up.Groups = append(up.Groups, Group{Name: "Admins"}) }), "user_pool.groups[1].name", "declared twice", 0},
	{"group precedence", pool(func(up *UserPool) { up.Groups[0].Precedence = Int(-1) }), "user_pool.groups[0].precedence", "must not be negative", 0},
	{"group description", pool(func(up *UserPool) { up.Groups[0].Description = strings.Repeat("d", 2049) }),
		"user_pool.groups[0].description", "at most 2048", 0},
	{"group role", pool(func(up *UserPool) { up.Groups[0].RoleARN = "admins" }), "user_pool.groups[0].role_arn", "IAM role ARN", 0},
	{"tag reserved", pool(func(up *UserPool) { up.Tags[reservedTagKey] = "x" }), "user_pool.tags.cogwiz:resource-name", "reserved", 0},
	{"tag aws prefix", pool(func(up *UserPool) { up.Tags["aws:owner"] = "x" }), "user_pool.tags.aws:owner", "reserved by AWS", 0},
	{"tag key long", pool(func(up *UserPool) { up.Tags[strings.Repeat("k", 129)] = "x" }), "user_pool.tags." + strings.Repeat("k", 129), "1–128", 0},
	{"tag value long", pool(func(up *UserPool) { up.Tags["team"] = strings.Repeat("v", 257) }), "user_pool.tags.team", "at most 256", 0},
	{"too many tags", pool(func(up *UserPool) {
		for i := range 50 {
			up.Tags[fmt.Sprintf("t%d", i)] = "x"
		}
	}), "user_pool.tags", "at most 50 tags", 0},

	// app clients
	{"client name empty", web(func(ac *AppClient) { ac.Name = "" }), "app_clients[0].name", "cannot be empty", 0},
	{"client name chars", web(func(ac *AppClient) { ac.Name = "web/app" }), "app_clients[0].name", "only letters", 0},
	{"client name dup", func(c *Config) { c.AppClients[1].Name = "web" }, "app_clients[1].name", "declared twice", 0},
	{"access token short", web(func(ac *AppClient) { ac.TokenValidity.Access = Duration{4, "m"} }),
		"app_clients[0].token_validity.access", "out of range", 0},
	{"id token long", web(func(ac *AppClient) { ac.TokenValidity.ID = Duration{25, "h"} }),
		"app_clients[0].token_validity.id", "out of range", 0},
	{"refresh short", web(func(ac *AppClient) { ac.TokenValidity.Refresh = Duration{59, "m"} }),
		"app_clients[0].token_validity.refresh", "out of range", 0},
	{"refresh long", web(func(ac *AppClient) { ac.TokenValidity.Refresh = Duration{3651, "d"} }),
		"app_clients[0].token_validity.refresh", "out of range", 0},
	{"auth flow unknown", web(func(ac *AppClient) { ac.AuthFlows = []string{"ALLOW_SRP"} }), "app_clients[0].auth_flows[0]", "not allowed", 0},
	{"auth flow legacy mix", web(func(ac *AppClient) { ac.AuthFlows = []string{"USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"} }),
		"app_clients[0].auth_flows", "cannot be mixed", 0},
	{"read attribute unknown", web(func(ac *AppClient) { ac.ReadAttributes = []string{"custom:plan"} }),
		"app_clients[0].read_attributes[0]", "not a pool attribute", 0},
	{"write attribute verified flag", web(func(ac *AppClient) { ac.WriteAttributes = append(ac.WriteAttributes, "email_verified") }),
		"app_clients[0].write_attributes[3]", "not a pool attribute", 0},
	{"write attribute without prefix", web(func(ac *AppClient) { ac.WriteAttributes = append(ac.WriteAttributes, "tier") }),
		"app_clients[0].write_attributes[3]", "not a pool attribute", 0},
	{"required not writable", web(func(ac *AppClient) { ac.WriteAttributes = []string{"email", "custom:tier"} }),
		"app_clients[0].write_attributes", "required attribute name is not writable", 0},

	// oauth
	{"oauth no flows", webOAuth(func(o *OAuth) { o.Flows = nil }), "app_clients[0].oauth.flows", "at least one flow", 0},
	{"oauth flow unknown", webOAuth(func(o *OAuth) { o.Flows = []string{"password"} }), "app_clients[0].oauth.flows[0]", "not allowed", 0},
	{"client credentials mixed", func(c *Config) { c.AppClients[1].OAuth.Flows = []string{"client_credentials", "code"} },
		"app_clients[1].oauth.flows", "cannot be combined", 0},
	{"client credentials no secret", func(c *Config) { c.AppClients[1].GenerateSecret = false },
		"app_clients[1].oauth.flows", "needs a client secret", 0},
	{"client credentials builtin scope", func(c *Config) { c.AppClients[1].OAuth.Scopes = []string{"openid"} },
		"app_clients[1].oauth.scopes[0]", "cannot be used with client_credentials", 0},
	warn(ruleCase{"implicit", webOAuth(func(o *OAuth) { o.Flows = []string{"implicit"} }), "app_clients[0].oauth.flows", "RFC 9700", 0}),
	{"no scopes", webOAuth(func(o *OAuth) { o.Scopes = nil }), "app_clients[0].oauth.scopes", "at least one scope", 0},
	{"scope unknown", webOAuth(func(o *OAuth) { o.Scopes = []string{"openid", "admin"} }), "app_clients[0].oauth.scopes[1]", "not a known scope", 0},
	{"custom scope undeclared", webOAuth(func(o *OAuth) { o.Scopes = []string{"openid", "api/write"} }),
		"app_clients[0].oauth.scopes[1]", "not declared", 0},
	{"email scope without openid", webOAuth(func(o *OAuth) { o.Scopes = []string{"email"} }), "app_clients[0].oauth.scopes", "needs openid", 0},
	{"scope dup", webOAuth(func(o *OAuth) { o.Scopes = []string{"openid", "openid"} }), "app_clients[0].oauth.scopes[1]", "twice", 0},
	{"code without callback", webOAuth(func(o *OAuth) { o.CallbackURLs = nil; o.DefaultRedirectURI = "" }),
		"app_clients[0].oauth.callback_urls", "at least one callback URL", 0},
	{"callback http", webOAuth(func(o *OAuth) { o.CallbackURLs[1] = "http://app.example.com/callback" }),
		"app_clients[0].oauth.callback_urls[1]", "must be https unless it is localhost, 127.0.0.1 or [::1]", 0},
	{"callback fragment", webOAuth(func(o *OAuth) { o.CallbackURLs[0] = "http://localhost:3000/#x" }),
		"app_clients[0].oauth.callback_urls[0]", "#fragment", 0},
	{"callback relative", webOAuth(func(o *OAuth) { o.CallbackURLs[0] = "/callback" }),
		"app_clients[0].oauth.callback_urls[0]", "absolute URL", 0},
	{"callback long", webOAuth(func(o *OAuth) { o.CallbackURLs[0] = "https://example.com/" + strings.Repeat("a", 1010) }),
		"app_clients[0].oauth.callback_urls[0]", "at most 1024", 0},
	{"callback too many", webOAuth(func(o *OAuth) {
		for i := range 100 {
			o.CallbackURLs = append(o.CallbackURLs, fmt.Sprintf("https://example.com/%d", i))
		}
	}), "app_clients[0].oauth.callback_urls", "at most 100", 0},
	{"callback dup", webOAuth(func(o *OAuth) { o.CallbackURLs[1] = o.CallbackURLs[0] }), "app_clients[0].oauth.callback_urls[1]", "twice", 0},
	{"logout http", webOAuth(func(o *OAuth) { o.LogoutURLs = []string{"http://example.com/"} }),
		"app_clients[0].oauth.logout_urls[0]", "must be https", 0},
	{"default redirect not a callback", webOAuth(func(o *OAuth) { o.DefaultRedirectURI = "https://other.example.com/" }),
		"app_clients[0].oauth.default_redirect_uri", "not one of callback_urls", 0},
	{"client idp undeclared", webOAuth(func(o *OAuth) { o.IdentityProviders = []string{"COGNITO", "Facebook"} }),
		"app_clients[0].oauth.identity_providers[1]", "not declared", 0},
	warn(ruleCase{"certificate without custom domain", func(c *Config) {
		c.Domain.CertificateARN = "arn:aws:acm:us-east-1:123456789012:certificate/abc-123"
	}, "domain.certificate_arn", "only used with custom_domain", 0}),
	warn(ruleCase{"oauth without domain", func(c *Config) { c.Domain = nil }, "app_clients[0].oauth", "no domain is configured", 0}),

	// domain
	{"domain prefix upper", func(c *Config) { c.Domain.Prefix = "MyApp" }, "domain.prefix", "must be lowercase", 0},
	{"domain prefix hyphen", func(c *Config) { c.Domain.Prefix = "-myapp" }, "domain.prefix", "hyphens", 0},
	{"domain prefix reserved", func(c *Config) { c.Domain.Prefix = "myawsapp" }, "domain.prefix", `reserved word "aws"`, 0},
	{"domain prefix long", func(c *Config) { c.Domain.Prefix = strings.Repeat("a", 64) }, "domain.prefix", "at most 63", 0},
	{"domain neither", func(c *Config) { c.Domain.Prefix = "" }, "domain", "needs a prefix or a custom_domain", 0},
	{"custom domain needs cert", func(c *Config) { c.Domain = &Domain{CustomDomain: "auth.example.com"} }, "domain.certificate_arn", "needs certificate_arn", 0},
	{"custom domain url", func(c *Config) {
		c.Domain = &Domain{CustomDomain: "https://auth.example.com", CertificateARN: "arn:aws:acm:us-east-1:123456789012:certificate/abc"}
	}, "domain.custom_domain", "not a URL", 0},
	{"cert region", func(c *Config) {
		c.Domain = &Domain{CustomDomain: "auth.example.com", CertificateARN: "arn:aws:acm:eu-west-1:123456789012:certificate/abc"}
	}, "domain.certificate_arn", "us-east-1, not eu-west-1", 0},
	{"managed login version", func(c *Config) { c.Domain.ManagedLoginVersion = Int(3) }, "domain.managed_login_version", "not allowed", 0},
	{"managed login v2 on lite", func(c *Config) { liteize(c); c.Domain.ManagedLoginVersion = Int(2) }, "domain.managed_login_version", "ESSENTIALS or PLUS", 0},

	// identity providers
	{"idp type", google(func(ip *IdentityProvider) { ip.Type = "GitHub" }), "identity_providers[0].type", "not allowed", 0},
	{"social name", google(func(ip *IdentityProvider) { ip.Name = "MyGoogle" }), "identity_providers[0].name", "must be named Google", 0},
	{"social dup", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, c.IdentityProviders[0])
	}, "identity_providers[2].type", "only one Google", 0},
	{"oidc name missing", func(c *Config) { c.IdentityProviders[1].Name = "" }, "identity_providers[1].name", "cannot be empty", 0},
	{"oidc name long", func(c *Config) { c.IdentityProviders[1].Name = strings.Repeat("n", 33) }, "identity_providers[1].name", "at most 32", 0},
	{"oidc name reserved", func(c *Config) { c.IdentityProviders[1].Name = "Google" }, "identity_providers[1].name", "reserved", 0},
	{"oidc name dup", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, c.IdentityProviders[1])
	}, "identity_providers[2].name", "used twice", 0},
	{"client id missing", google(func(ip *IdentityProvider) { ip.ClientID = "" }), "identity_providers[0].client_id", "cannot be empty", 0},
	{"client secret missing", google(func(ip *IdentityProvider) { ip.ClientSecret = "" }), "identity_providers[0].client_secret", "needs client_secret", 0},
	{"client secret literal", google(func(ip *IdentityProvider) { ip.ClientSecret = "GOCSPX-hunter2" }),
		"identity_providers[0].client_secret", "client_secret is a literal value; secrets are never stored in cognito.yaml", 0},
	{"client secret bad ref", google(func(ip *IdentityProvider) { ip.ClientSecret = "${env:1BAD}" }),
		"identity_providers[0].client_secret", "not a valid ${env:NAME} reference", 0},
	{"apple fields", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPApple, ClientID: "com.example.web", AttributeMapping: map[string]string{"email": "email", "name": "name"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, IdPApple)
	}, "identity_providers[2].team_id", "cannot be empty", 0},
	{"apple private key literal", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPApple, ClientID: "com.example.web", TeamID: "T", KeyID: "K",
			PrivateKey: "-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----", AttributeMapping: map[string]string{"email": "email", "name": "name"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, IdPApple)
	}, "identity_providers[2].private_key", "private_key is a literal value", 0},
	{"oidc issuer missing", func(c *Config) { c.IdentityProviders[1].OIDCIssuer = "" }, "identity_providers[1].oidc_issuer", "needs oidc_issuer", 0},
	{"oidc issuer http", func(c *Config) { c.IdentityProviders[1].OIDCIssuer = "http://login.example.com" }, "identity_providers[1].oidc_issuer", "https://", 0},
	{"oidc method", func(c *Config) { c.IdentityProviders[1].AttributesRequestMethod = "PUT" }, "identity_providers[1].attributes_request_method", "not allowed", 0},
	{"saml metadata", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPSAML, Name: "Okta", AttributeMapping: map[string]string{"email": "mail", "name": "cn"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, "Okta")
	}, "identity_providers[2].metadata_url", "needs metadata_url", 0},
	{"facebook api version", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPFacebook, ClientID: "1", ClientSecret: "${env:FB}", APIVersion: "17",
			AttributeMapping: map[string]string{"email": "email", "name": "name"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, IdPFacebook)
	}, "identity_providers[2].api_version", "v17.0", 0},
	{"idp identifier", func(c *Config) { c.IdentityProviders[1].Identifiers = []string{strings.Repeat("i", 41)} },
		"identity_providers[1].identifiers[0]", "at most 40", 0},
	{"mapping unknown key", google(func(ip *IdentityProvider) { ip.AttributeMapping["custom:plan"] = "plan" }),
		"identity_providers[0].attribute_mapping.custom:plan", "not a pool attribute", 0},
	{"mapping immutable", func(c *Config) {
		c.IdentityProviders[1].AttributeMapping["custom:age"] = "age"
		c.AppClients[0].WriteAttributes = append(c.AppClients[0].WriteAttributes, "custom:age")
	}, "identity_providers[1].attribute_mapping.custom:age", "immutable", 0},
	{"mapping not writable", func(c *Config) { c.AppClients[0].WriteAttributes = []string{"email", "name"} },
		"identity_providers[1].attribute_mapping.custom:tier", "not writable by app client web", 0},
	warn(ruleCase{"required not mapped", google(func(ip *IdentityProvider) { delete(ip.AttributeMapping, "name") }),
		"identity_providers[0].attribute_mapping", "required attribute name is not mapped for Google", 0}),
	warn(ruleCase{"required unsupported", func(c *Config) {
		c.UserPool.Attributes.Required = append(c.UserPool.Attributes.Required, "address")
		c.IdentityProviders[1].AttributeMapping["address"] = "address"
	}, "identity_providers[0].attribute_mapping", "Google cannot supply required attribute address", 0}),
	warn(ruleCase{"provider unused", webOAuth(func(o *OAuth) { o.IdentityProviders = []string{"COGNITO", "Google"} }),
		"identity_providers[1]", "no app client offers provider Corp", 0}),

	// resource servers
	{"rs identifier empty", func(c *Config) {
		c.ResourceServers = append(c.ResourceServers, ResourceServer{Name: "x"})
	}, "resource_servers[1].identifier", "cannot be empty", 0},
	{"rs identifier space", func(c *Config) { c.ResourceServers[0].Identifier = "my api" }, "resource_servers[0].identifier", "printable", 0},
	{"rs dup", func(c *Config) { c.ResourceServers = append(c.ResourceServers, c.ResourceServers[0]) }, "resource_servers[1].identifier", "declared twice", 0},
	{"rs name empty", func(c *Config) { c.ResourceServers[0].Name = "" }, "resource_servers[0].name", "cannot be empty", 0},
	{"scope slash", func(c *Config) { c.ResourceServers[0].Scopes[0].Name = "read/all" }, "resource_servers[0].scopes[0].name", "must not contain /", 0},
	{"scope dup", func(c *Config) {
		c.ResourceServers[0].Scopes = append(c.ResourceServers[0].Scopes, Scope{Name: "read", Description: "again"})
	}, "resource_servers[0].scopes[1].name", "declared twice", 0},
	{"scope description", func(c *Config) { c.ResourceServers[0].Scopes[0].Description = "" }, "resource_servers[0].scopes[0].description", "cannot be empty", 0},
	{"too many scopes", func(c *Config) {
		for i := range 100 {
			c.ResourceServers[0].Scopes = append(c.ResourceServers[0].Scopes, Scope{Name: fmt.Sprintf("s%d", i), Description: "d"})
		}
	}, "resource_servers[0].scopes", "at most 100", 0},

	// admin queries
	warn(ruleCase{"admin queries group", func(c *Config) { c.AdminQueries.Group = "Staff" }, "admin_queries.group", "not declared", 0}),
}

// liteize moves the base to the LITE plan and drops what LITE cannot do,
// so that a case tests exactly one plan rule.
func liteize(c *Config) {
	c.UserPool.FeaturePlan = "LITE"
	c.UserPool.PasswordPolicy.PasswordHistorySize = nil
	c.AppClients[0].AuthFlows = []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
	c.Domain.ManagedLoginVersion = Int(1)
	c.UserPool.Triggers.PreTokenGenerationVersion = "V1_0"
}

func TestValidateInvalid(t *testing.T) {
	for _, tc := range invalidCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := validBase()
			tc.mut(c)
			issues := Validate(c)
			for _, is := range issues {
				if is.Path == tc.path && strings.Contains(is.Message, tc.msg) {
					if is.Severity != tc.sev {
						t.Errorf("severity = %s, want %s", is.Severity, tc.sev)
					}
					if is.Hint == "" {
						t.Errorf("issue at %s has no hint", is.Path)
					}
					if first, _, _ := strings.Cut(is.Message, " "); regexp.MustCompile(`^[A-Z][a-z]+$`).MatchString(first) && !startsWithName(is.Message) {
						t.Errorf("message should start lowercase: %q", is.Message)
					}
					return
				}
			}
			t.Fatalf("no issue at %s containing %q; got:\n%s", tc.path, tc.msg, formatIssues(issues))
		})
	}
}

// startsWithName allows a message to open with a proper name (Google, OIDC, SAML...).
func startsWithName(msg string) bool {
	for _, n := range append(slices.Clone(IdentityProviderTypes), "SignInWithApple", "Cognito's") {
		if strings.HasPrefix(msg, n) {
			return true
		}
	}
	return false
}

// validVariants are valid configurations near the edges of the rules:
// each must produce no issue at all.
var validVariants = []struct {
	name string
	mut  func(c *Config)
}{
	{"minimal", func(c *Config) {
		*c = Config{Version: 1, ResourceName: "a", UserPool: UserPool{Name: "p"}}
	}},
	{"identity pool", func(c *Config) {
		c.Services = ServicesUserPoolIdentityPool
		c.IdentityPool = &IdentityPool{Name: "my_identity_pool", Providers: []IdentityPoolProvider{{Type: "google", AppID: "x.apps.googleusercontent.com"}}}
	}},
	{"alias sign-in", pool(func(up *UserPool) {
		up.SignIn.UsernameAttributes = nil
		up.SignIn.AliasAttributes = []string{"email", "preferred_username"}
	})},
	{"password bounds", pool(func(up *UserPool) {
		up.PasswordPolicy.MinimumLength = Int(99)
		up.PasswordPolicy.TemporaryPasswordValidityDays = Int(0)
		up.PasswordPolicy.PasswordHistorySize = Int(24)
	})},
	{"password lower bound", pool(func(up *UserPool) { up.PasswordPolicy.MinimumLength = Int(6) })},
	{"custom name 20 chars", pool(func(up *UserPool) { up.Attributes.Custom[2].Name = strings.Repeat("x", 20) })},
	{"custom string bounds", pool(func(up *UserPool) {
		up.Attributes.Custom[0].MinLength, up.Attributes.Custom[0].MaxLength = Int(0), Int(2048)
	})},
	{"mfa off no factors", pool(func(up *UserPool) { up.MFA = &MFA{Mode: MFAOff} })},
	{"email mfa", pool(func(up *UserPool) { up.MFA.Factors = []string{FactorEmail, FactorTOTP} })},
	{"link style", pool(func(up *UserPool) {
		up.Verification.EmailStyle = EmailStyleLink
		up.Verification.EmailSubject, up.Verification.EmailMessage = "", ""
		up.Verification.EmailSubjectByLink = "Verify your email"
		up.Verification.EmailMessageByLink = "Please click {##Verify Email##}"
	})},
	{"admin only recovery", pool(func(up *UserPool) { up.AccountRecovery = []string{"admin_only"} })},
	{"default sender invite only", pool(func(up *UserPool) {
		up.EmailSending = &EmailSending{Account: "COGNITO_DEFAULT"}
		up.AdminCreateUser.AdminOnly = true
	})},
	{"trigger alias and kms", pool(func(up *UserPool) {
		up.Triggers.CustomMessage = "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:msg:$LATEST"
		up.Triggers.CustomSMSSender = testFnARN("sms-sender")
		up.Triggers.KMSKeyID = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	})},
	{"all capabilities wired", pool(func(up *UserPool) {
		up.Triggers.CustomMessage = testFnARN("msg")
		up.Triggers.DefineAuthChallenge = testFnARN("define")
		up.Triggers.CreateAuthChallenge = testFnARN("create")
		up.Triggers.VerifyAuthChallengeResponse = testFnARN("verify")
		up.Capabilities = append(up.Capabilities,
			Capability{Type: CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
			Capability{Type: CapEmailVerificationLink, RedirectURL: "https://app.example.com/verified", EmailSubject: "Verify"},
			Capability{Type: CapOverrideIDTokenClaims},
			Capability{Type: CapEmailDomainAllowlist, Domains: []string{"example.com"}},
		)
	})},
	{"every capability generated", pool(func(up *UserPool) {
		up.Triggers = nil
		up.Capabilities = append(up.Capabilities,
			Capability{Type: CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
			Capability{Type: CapEmailVerificationLink, RedirectURL: "https://app.example.com/verified", EmailSubject: "Verify", EmailMessage: "Click to verify"},
			Capability{Type: CapOverrideIDTokenClaims},
			Capability{Type: CapEmailDomainAllowlist, Domains: []string{"example.com"}},
		)
	})},
	{"both challenge capabilities on your own functions", pool(func(up *UserPool) {
		up.Triggers.DefineAuthChallenge = testFnARN("define")
		up.Triggers.CreateAuthChallenge = testFnARN("create")
		up.Triggers.VerifyAuthChallengeResponse = testFnARN("verify")
		up.Capabilities = append(up.Capabilities, Capability{Type: CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
			Capability{Type: CapCustomAuthScaffolding})
	})},
	{"functions settings", func(c *Config) { c.Functions = &Functions{SourceDir: "auth/fns", Runtime: "nodejs24.x"} }},
	{"group unicode name", pool(func(up *UserPool) { up.Groups = append(up.Groups, Group{Name: "Administratören"}) })},
	{"token bounds", web(func(ac *AppClient) {
		ac.TokenValidity = &TokenValidity{Access: Duration{5, "m"}, ID: Duration{1, "d"}, Refresh: Duration{3650, "d"}}
	})},
	{"refresh 60m", web(func(ac *AppClient) { ac.TokenValidity.Refresh = Duration{3600, "s"} })},
	{"legacy flows alone", web(func(ac *AppClient) { ac.AuthFlows = []string{"USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"} })},
	{"no write restriction", web(func(ac *AppClient) { ac.WriteAttributes = nil })},
	{"callback without trailing slash", webOAuth(func(o *OAuth) { o.CallbackURLs = []string{"https://app.example.com"}; o.DefaultRedirectURI = "" })},
	{"prefix and custom domain", func(c *Config) {
		c.Domain.CustomDomain = "auth.example.com"
		c.Domain.CertificateARN = "arn:aws:acm:us-east-1:123456789012:certificate/abc-123"
	}},
	{"custom domain", func(c *Config) {
		c.Domain = &Domain{CustomDomain: "auth.example.com", CertificateARN: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b-2c3d"}
	}},
	{"saml provider", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPSAML, Name: "Okta", MetadataURL: "https://okta.example.com/metadata",
			Identifiers: []string{"example.com"}, AttributeMapping: map[string]string{"email": "mail", "name": "cn"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, "Okta")
	}},
	{"apple provider", func(c *Config) {
		c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPApple, ClientID: "com.example.web", TeamID: "T", KeyID: "K",
			PrivateKey: "${env:APPLE_PRIVATE_KEY}", AttributeMapping: map[string]string{"email": "email", "name": "name"}})
		c.AppClients[0].OAuth.IdentityProviders = append(c.AppClients[0].OAuth.IdentityProviders, IdPApple)
	}},
	{"social provider named after type", google(func(ip *IdentityProvider) { ip.Name = IdPGoogle })},
	{"plus plan", pool(func(up *UserPool) { up.FeaturePlan = "PLUS" })},
	{"lite plan without plan features", liteize},
}

func TestValidateValidVariants(t *testing.T) {
	for _, tc := range validVariants {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := validBase()
			tc.mut(c)
			if issues := Validate(c); len(issues) != 0 {
				t.Fatalf("want no issues, got:\n%s", formatIssues(issues))
			}
		})
	}
}

func TestValidateReportsEveryProblemAtOnce(t *testing.T) {
	c := validBase()
	c.ResourceName = "my-app"
	c.UserPool.MFA.Mode = "SOMETIMES"
	c.Domain.Prefix = "MyApp"
	c.AppClients[0].OAuth.LogoutURLs[0] = "http://app.example.com/"
	issues := Validate(c)
	want := []string{"resource_name", "user_pool.mfa.mode", "domain.prefix", "app_clients[0].oauth.logout_urls[0]"}
	for _, p := range want {
		if !slices.ContainsFunc(issues, func(is Issue) bool { return is.Path == p }) {
			t.Errorf("missing issue at %s; got:\n%s", p, formatIssues(issues))
		}
	}
	if len(issues) != len(want) {
		t.Errorf("got %d issues, want %d:\n%s", len(issues), len(want), formatIssues(issues))
	}
}

func TestValidateNeverEchoesSecrets(t *testing.T) {
	const leaked = "s3cr3t-Value-DO-NOT-PRINT"
	c := validBase()
	c.IdentityProviders[0].ClientSecret = leaked
	c.IdentityProviders[1].ClientSecret = "${" + leaked
	c.UserPool.Capabilities = append(c.UserPool.Capabilities, Capability{Type: CapRecaptcha, Secret: leaked})
	c.IdentityProviders = append(c.IdentityProviders, IdentityProvider{Type: IdPApple, ClientID: "x", TeamID: "T", KeyID: "K", PrivateKey: leaked})
	issues := Validate(c)
	var secretIssues int
	for _, is := range issues {
		if strings.Contains(is.Message, leaked) || strings.Contains(is.Hint, leaked) {
			t.Errorf("issue at %s repeats the secret: %s — %s", is.Path, is.Message, is.Hint)
		}
		if strings.HasSuffix(is.Path, "secret") || strings.HasSuffix(is.Path, "private_key") {
			secretIssues++
		}
	}
	if secretIssues != 4 {
		t.Errorf("want 4 secret issues, got %d:\n%s", secretIssues, formatIssues(issues))
	}
	hint := issues[slices.IndexFunc(issues, func(is Issue) bool { return is.Path == "identity_providers[0].client_secret" })].Hint
	for _, want := range []string{`client_secret: "${env:GOOGLE_CLIENT_SECRET}"`, "export GOOGLE_CLIENT_SECRET="} {
		if !strings.Contains(hint, want) {
			t.Errorf("hint %q lacks %q", hint, want)
		}
	}
}

func TestValidateSuggestsClosestValue(t *testing.T) {
	c := validBase()
	c.UserPool.MFA.Mode = "off"
	c.UserPool.AccountRecovery = []string{"verified-email"}
	c.UserPool.MFA.Factors = []string{"totpp"}
	want := map[string]string{
		"user_pool.mfa.mode":            "write OFF (values are case-sensitive)",
		"user_pool.account_recovery[0]": "did you mean verified_email?",
		"user_pool.mfa.factors[0]":      "did you mean totp?",
	}
	for _, is := range Validate(c) {
		if w, ok := want[is.Path]; ok {
			if !strings.HasPrefix(is.Hint, w) {
				t.Errorf("%s: hint %q, want %q", is.Path, is.Hint, w)
			}
			delete(want, is.Path)
		}
	}
	for p := range want {
		t.Errorf("no issue at %s", p)
	}
}

func TestValidateNil(t *testing.T) {
	if issues := Validate(nil); len(issues) != 1 || issues[0].Severity != SeverityError {
		t.Fatalf("Validate(nil) = %v, want one error", issues)
	}
}

// The ⭐ configuration must never fail validation: init writes it as is.
func TestRecommendedHasNoErrors(t *testing.T) {
	for _, is := range Validate(Recommended()) {
		if is.Severity == SeverityError {
			t.Errorf("recommended config: %s: %s", is.Path, is.Message)
		}
	}
}

func TestValidateDocumentPlacesAndSorts(t *testing.T) {
	src := `version: 1
resource_name: AppAuth
user_pool:
  name: AppUserPool
  sign_in:
    username_attributes: []
  attributes:
    required: [email]
  mfa:
    mode: "ON"
  account_recovery: [admin_only, verified_email]
  verification: { auto_verified_attributes: [email] }
domain:
  prefix: my-cognito
`
	doc, err := Parse("cognito.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got := ValidateDocument(doc)
	want := []string{
		"cognito.yaml:3:1: warning: ", // default email sender, placed at user_pool
		"cognito.yaml:9:3: ",          // mfa: ON needs a factor, placed at the nearest written key
		"cognito.yaml:11:3: ",         // admin_only not alone
		"cognito.yaml:14:3: ",         // reserved word
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), got)
	}
	for i, w := range want {
		if s := got[i].String(); !strings.HasPrefix(s, w) {
			t.Errorf("problem %d = %s, want prefix %s", i, s, w)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	c := validBase()
	for b.Loop() {
		if issues := Validate(c); len(issues) != 0 {
			b.Fatal(issues)
		}
	}
}

// Trigger and SetTrigger reach every trigger key validate knows.
func TestTriggerByKey(t *testing.T) {
	var tr Triggers
	for i, f := range triggerFields(&tr) {
		if !tr.SetTrigger(f[0], fmt.Sprint("arn:", i)) {
			t.Errorf("SetTrigger(%s) refused a trigger key", f[0])
		}
	}
	for i, f := range triggerFields(&tr) {
		if got := tr.Trigger(f[0]); got != fmt.Sprint("arn:", i) || f[1] != got {
			t.Errorf("%s: Trigger = %q, field holds %q", f[0], got, f[1])
		}
	}
	if tr.SetTrigger("kms_key_id", "x") || (*Triggers)(nil).Trigger("pre_sign_up") != "" {
		t.Error("kms_key_id is not a trigger, and a nil Triggers has none")
	}
}

// A pre token generation function cogwiz generates (override ID token
// claims) takes the event version as a function given by ARN does.
func TestPreTokenVersionWithAGeneratedFunction(t *testing.T) {
	c := Recommended()
	c.UserPool.Triggers = &Triggers{PreTokenGenerationVersion: "V2_0"}
	has := func() bool {
		for _, p := range Validate(c) {
			if strings.Contains(p.Message, "pre_token_generation_version needs pre_token_generation") {
				return true
			}
		}
		return false
	}
	if !has() {
		t.Fatal("a version without any function was accepted")
	}
	c.UserPool.Capabilities = []Capability{{Type: CapOverrideIDTokenClaims}}
	if has() {
		t.Error("the generated function does not count as the pre token generation function")
	}
}

// A reference is read from the environment only where a rule takes one;
// anywhere else it would reach Cognito, or an export, as the text itself.
func TestValidateRefusesStrayReferences(t *testing.T) {
	c := validBase()
	c.IdentityProviders[0].ClientID = "${env:GOOGLE_CLIENT_ID}"
	c.UserPool.Verification = &Verification{EmailSubject: "${env:SUBJECT}"}
	c.UserPool.Groups = append(c.UserPool.Groups, Group{Name: "${env:GROUP}"})
	c.IdentityProviders[0].AttributeMapping = map[string]string{"email": "${env:MAPPED}"}
	issues := Validate(c)
	got := map[string]bool{}
	for _, is := range issues {
		if strings.Contains(is.Message, "takes no ${env:NAME} reference") {
			got[is.Path] = true
		}
	}
	for _, want := range []string{"user_pool.verification.email_subject", "identity_providers[0].attribute_mapping.email"} {
		if !got[want] {
			t.Errorf("no stray-reference issue at %s:\n%s", want, formatIssues(issues))
		}
	}
	if !slices.ContainsFunc(issues, func(is Issue) bool {
		return strings.HasPrefix(is.Path, "user_pool.groups[") && strings.Contains(is.Message, "${env:")
	}) {
		t.Errorf("a group named ${env:GROUP} passes:\n%s", formatIssues(issues))
	}
	for p := range got {
		if strings.HasSuffix(p, "client_id") || strings.HasSuffix(p, "client_secret") {
			t.Errorf("%s takes a reference, yet it is reported", p)
		}
	}
}

// TriggerKeys and the Triggers fields name the same keys in the same
// (LambdaConfig) order: the generated functions and the plan walk one,
// validation the other.
func TestTriggerKeysAreTheTriggerFields(t *testing.T) {
	var keys []string
	for _, f := range triggerFields(&Triggers{}) {
		keys = append(keys, f[0])
	}
	if !slices.Equal(keys, TriggerKeys) {
		t.Errorf("triggerFields %v, TriggerKeys %v", keys, TriggerKeys)
	}
}
