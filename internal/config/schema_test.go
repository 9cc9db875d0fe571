package config

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// instance turns any JSON-shaped Go value into what the validator reads.
func instance(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func yamlInstance(t *testing.T, src []byte) any {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal(src, &m); err != nil {
		t.Fatal(err)
	}
	return instance(t, m)
}

func TestSchemaStableAndDraft2020(t *testing.T) {
	a, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := JSONSchema()
	if !bytes.Equal(a, b) {
		t.Fatal("two runs gave different schemas")
	}
	var m map[string]any
	if err := json.Unmarshal(a, &m); err != nil {
		t.Fatal(err)
	}
	if m["$schema"] != "https://json-schema.org/draft/2020-12/schema" || m["$id"] != SchemaURL {
		t.Errorf("$schema = %v, $id = %v", m["$schema"], m["$id"])
	}
	req, _ := m["required"].([]any)
	for _, want := range []string{"version", "resource_name", "user_pool"} {
		if !containsAny(req, want) {
			t.Errorf("root required %v lacks %q", req, want)
		}
	}
	up := m["properties"].(map[string]any)["user_pool"].(map[string]any)
	if !containsAny(up["required"].([]any), "name") {
		t.Errorf("user_pool.required = %v, want name", up["required"])
	}
	un := up["properties"].(map[string]any)["sign_in"].(map[string]any)["properties"].(map[string]any)["username_attributes"].(map[string]any)
	desc, _ := un["description"].(string)
	if !strings.Contains(desc, "⚠️ Create-only") || !strings.Contains(desc, "📝 https://") {
		t.Errorf("username_attributes description lacks the ⚠️ note or doc link: %q", desc)
	}
	if un["items"].(map[string]any)["enum"] == nil {
		t.Error("username_attributes items have no enum")
	}
}

func containsAny(list []any, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestSchemaAcceptsProductExample(t *testing.T) {
	sch := compileSchema(t)
	src, err := os.ReadFile("testdata/product-example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(yamlInstance(t, src)); err != nil {
		t.Fatalf("the contract's example is rejected:\n%v", err)
	}
}

func TestSchemaAcceptsEveryKey(t *testing.T) {
	c := fullConfig()
	assertAllSet(t, reflect.ValueOf(c).Elem(), "")
	if err := compileSchema(t).Validate(instance(t, c)); err != nil {
		t.Fatalf("a config using every key is rejected:\n%v", err)
	}
}

func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	base := "version: 1\nresource_name: AppAuth\nuser_pool:\n  name: AppUserPool\n"
	if err := sch.Validate(yamlInstance(t, []byte(base))); err != nil {
		t.Fatalf("minimal file rejected: %v", err)
	}
	cases := map[string]string{
		"unknown key":         base + "  sign_in:\n    username_atributes: [email]\n",
		"unknown top key":     base + "extra: 1\n",
		"bad enum":            base + "  mfa:\n    mode: SOMETIMES\n",
		"bad list enum":       base + "  sign_in:\n    username_attributes: [nickname]\n",
		"bad duration":        base + "app_clients:\n  - name: web\n    token_validity: { access: 1 hour }\n",
		"bad domain prefix":   base + "domain: { prefix: My_App }\n",
		"pasted secret":       base + "identity_providers:\n  - { type: Google, client_secret: abc123 }\n",
		"missing pool name":   "version: 1\nresource_name: AppAuth\nuser_pool: {}\n",
		"wrong version":       "version: 2\nresource_name: AppAuth\nuser_pool:\n  name: P\n",
		"password too short":  base + "  password_policy: { minimum_length: 4 }\n",
		"wrong type":          base + "  deletion_protection: \"yes\"\n",
		"missing client name": base + "app_clients:\n  - generate_secret: false\n",
	}
	for name, src := range cases {
		if err := sch.Validate(yamlInstance(t, []byte(src))); err == nil {
			t.Errorf("%s: accepted\n%s", name, src)
		}
	}
}

// assertAllSet fails for every field of v left at its zero value, so the
// full fixture cannot silently miss a key added to the model later.
func assertAllSet(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("fixture leaves %s unset", path)
			return
		}
		assertAllSet(t, v.Elem(), path)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Duration]() {
			if v.Interface().(Duration).IsZero() {
				t.Errorf("fixture leaves %s unset", path)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
			assertAllSet(t, v.Field(i), strings.TrimPrefix(path+"."+name, "."))
		}
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			t.Errorf("fixture leaves %s empty", path)
			return
		}
		if v.Kind() == reflect.Slice {
			assertAllSet(t, v.Index(0), path+"[0]")
		}
	default:
		// Booleans may be false on purpose; everything else must be set.
		if v.Kind() != reflect.Bool && v.IsZero() {
			t.Errorf("fixture leaves %s unset", path)
		}
	}
}

func fullConfig() *Config {
	return &Config{
		Version:      CurrentVersion,
		ResourceName: "AppAuth",
		Mode:         ModeManual,
		Services:     ServicesUserPoolIdentityPool,
		UserPool: UserPool{
			ID:   "us-east-1_AbC123",
			Name: "AppUserPool",
			SignIn: SignIn{
				UsernameAttributes: []string{"email"},
				AliasAttributes:    []string{"preferred_username"},
				CaseSensitive:      Bool(false),
			},
			Attributes: Attributes{
				Required: []string{"email", "name"},
				Custom: []CustomAttribute{{
					Name: "tier", Type: "String", Mutable: Bool(true),
					MinLength: Int(1), MaxLength: Int(32), MinValue: Int(1), MaxValue: Int(10),
				}},
			},
			PasswordPolicy: &PasswordPolicy{
				MinimumLength: Int(12), RequireLowercase: true, RequireUppercase: true, RequireNumbers: true,
				RequireSymbols: true, TemporaryPasswordValidityDays: Int(7), PasswordHistorySize: Int(5),
			},
			MFA: &MFA{Mode: MFAOptional, Factors: []string{FactorTOTP, FactorSMS}, SMSMessage: "Your code is {####}"},
			SMS: &SMS{SNSCallerARN: "arn:aws:iam::123456789012:role/cognito-sms", ExternalID: "ext-1", SNSRegion: "us-east-1"},
			Verification: &Verification{
				AutoVerifiedAttributes:    []string{"email"},
				KeepOriginalUntilVerified: Bool(true),
				EmailStyle:                EmailStyleCode,
				EmailSubject:              "Verify",
				EmailMessage:              "Your code is {####}",
				EmailSubjectByLink:        "Verify",
				EmailMessageByLink:        "Click {##here##}",
				SMSMessage:                "Your code is {####}",
			},
			AccountRecovery: []string{"verified_email", "verified_phone_number"},
			EmailSending: &EmailSending{
				Account: "DEVELOPER", SourceARN: "arn:aws:ses:us-east-1:123456789012:identity/example.com",
				From: "App <no-reply@example.com>", ReplyTo: "help@example.com", ConfigurationSet: "auth",
			},
			AdminCreateUser: &AdminCreateUser{
				AdminOnly: true, InviteEmailSubject: "Welcome",
				InviteEmailMessage: "Hi {username}, your password is {####}", InviteSMSMessage: "{username} {####}",
			},
			FeaturePlan:        "ESSENTIALS",
			DeletionProtection: Bool(true),
			Triggers: &Triggers{
				PreSignUp: lambdaARN, CustomMessage: lambdaARN, PostConfirmation: lambdaARN,
				PreAuthentication: lambdaARN, PostAuthentication: lambdaARN, DefineAuthChallenge: lambdaARN,
				CreateAuthChallenge: lambdaARN, VerifyAuthChallengeResponse: lambdaARN,
				PreTokenGeneration: lambdaARN, PreTokenGenerationVersion: "V2_0", UserMigration: lambdaARN,
				CustomSMSSender: lambdaARN, CustomEmailSender: lambdaARN,
				KMSKeyID: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
				Pending:  []string{"post_authentication"},
			},
			Capabilities: []Capability{{
				Type: CapEmailVerificationLink, Group: "Admins", Domains: []string{"example.com"},
				RedirectURL: "https://example.com/verified", EmailSubject: "Verify", EmailMessage: "Click",
				Secret: "${env:RECAPTCHA_SECRET}",
			}},
			Groups: []Group{{Name: "Admins", Precedence: Int(1), Description: "Administrators", RoleARN: "arn:aws:iam::123456789012:role/admins"}},
			Tags:   map[string]string{"team": "web"},
		},
		AppClients: []AppClient{{
			Name: "web", ID: "1example23456789", GenerateSecret: false,
			TokenValidity:   &TokenValidity{Access: Duration{60, "m"}, ID: Duration{1, "h"}, Refresh: Duration{30, "d"}},
			AuthFlows:       []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
			ReadAttributes:  []string{"email", "custom:tier"},
			WriteAttributes: []string{"email"},
			OAuth: &OAuth{
				Flows: []string{"code"}, Scopes: []string{"openid", "email", "orders/read"},
				CallbackURLs: []string{"https://app.example.com/login/"}, LogoutURLs: []string{"https://app.example.com/logout/"},
				DefaultRedirectURI: "https://app.example.com/login/", IdentityProviders: []string{"COGNITO", "Google"},
			},
			PreventUserExistenceErrors: Bool(true),
			EnableTokenRevocation:      Bool(true),
		}},
		Domain: &Domain{Prefix: "my-app-auth", CustomDomain: "auth.example.com", CertificateARN: "arn:aws:acm:us-east-1:123456789012:certificate/abc", ManagedLoginVersion: Int(2)},
		IdentityProviders: []IdentityProvider{{
			Type: IdPOIDC, Name: "Corp", ClientID: "corp-client", ClientSecret: "${env:CORP_SECRET}",
			Scopes: []string{"openid", "email"}, AttributeMapping: map[string]string{"email": "email"},
			APIVersion: "v17.0", TeamID: "TEAM123", KeyID: "KEY123", PrivateKey: "${env:APPLE_KEY}",
			OIDCIssuer: "https://login.example.com", AttributesRequestMethod: "GET",
			MetadataURL: "https://login.example.com/saml", Identifiers: []string{"example.com"},
		}},
		ResourceServers: []ResourceServer{{
			Identifier: "orders", Name: "Orders API",
			Scopes: []Scope{{Name: "read", Description: "Read orders"}},
		}},
		IdentityPool: &IdentityPool{
			Name: "AppIdentityPool", AllowUnauthenticated: false,
			Providers: []IdentityPoolProvider{{Type: "google", AppID: "web-client.apps.googleusercontent.com", ExtraAudiences: []string{"ios-client"}}},
			ID:        "us-east-1:11111111-2222-3333-4444-555555555555", AllowClassicFlow: Bool(false),
			AppClients: []string{"web"}, ServerSideTokenCheck: Bool(true),
			OpenIDConnectProviderARNs: []string{"arn:aws:iam::123456789012:oidc-provider/accounts.google.com"},
			SAMLProviderARNs:          []string{"arn:aws:iam::123456789012:saml-provider/Corp"},
			DeveloperProviderName:     "login.app",
			AuthenticatedRole:         &IdentityPoolRole{Name: "AppAuthRole", ManagedPolicyARNs: []string{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}, ARN: "arn:aws:iam::123456789012:role/Existing"},
			UnauthenticatedRole:       &IdentityPoolRole{Name: "AppUnauthRole", ManagedPolicyARNs: []string{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"}, ARN: "arn:aws:iam::123456789012:role/Guest"},
			GroupRoles:                Bool(true), RoleMapping: RoleMappingToken, AmbiguousRoleResolution: AmbiguousAuthenticated,
		},
		AdminQueries: &AdminQueries{Enabled: true, Group: "Admins"},
		Functions:    &Functions{SourceDir: "auth/functions", Runtime: "nodejs24.x"},
	}
}

const lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:auth"

// The schema must accept what cogwiz itself writes, and every fixture the
// loader accepts.
func TestSchemaAcceptsWhatCogwizWrites(t *testing.T) {
	sch := compileSchema(t)
	b, err := Marshal(Recommended())
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(yamlInstance(t, b)); err != nil {
		t.Errorf("the recommended file is rejected:\n%v", err)
	}
	for _, name := range []string{"testdata/full.yaml", "testdata/product-example.yaml"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(name, src); err != nil {
			t.Fatalf("%s does not load: %v", name, err)
		}
		if err := sch.Validate(yamlInstance(t, src)); err != nil {
			t.Errorf("%s loads but the schema rejects it:\n%v", name, err)
		}
	}
}
