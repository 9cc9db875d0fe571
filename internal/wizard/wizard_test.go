package wizard_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/prompt"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/wizard"
)

func graph(t *testing.T) *questions.Graph {
	t.Helper()
	g, err := questions.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// names are the generated names every test walk starts from: a "shop"
// directory and the suffix 1a2b3c4d.
func names(t *testing.T) *wizard.Names {
	t.Helper()
	n, err := wizard.NewNames("/home/dev/shop", bytes.NewReader([]byte{0x1a, 0x2b, 0x3c, 0x4d}))
	if err != nil {
		t.Fatal(err)
	}
	return &n
}

func run(t *testing.T, p prompt.Prompter, existing *config.Config, poolExists bool) *wizard.Result {
	t.Helper()
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p, Existing: existing, PoolExists: poolExists, Names: names(t)})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	return res
}

func wantOrder(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("questions asked:\n got %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
	}
}

// noIssues fails on every issue validate finds in c.
func noIssues(t *testing.T, c *config.Config) {
	t.Helper()
	for _, is := range config.Validate(c) {
		t.Errorf("validate: %s %s: %s", is.Severity, is.Path, is.Message)
	}
}

func TestDefaultPath(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", prompt.Default).
		Answer("sign_in", prompt.Default).
		Answer("advanced", prompt.Default)
	res := run(t, p, nil, false)
	wantOrder(t, p.Asked(), "mode", "sign_in", "advanced")
	want := wizard.DefaultConfig(*names(t))
	want.UserPool.SignIn.UsernameAttributes = []string{}
	if got, _ := config.Marshal(res.Config); string(got) != string(must(config.Marshal(want))) {
		t.Errorf("default path did not write Amplify's Default file:\n%s", got)
	}
	c := res.Config
	if c.Mode != config.ModeDefault || c.AppClients[0].OAuth != nil || c.Domain != nil {
		t.Errorf("Amplify's Default has no hosted UI: mode %q, oauth %+v, domain %+v", c.Mode, c.AppClients[0].OAuth, c.Domain)
	}
	if c.Services != config.ServicesUserPoolIdentityPool || c.IdentityPool == nil || c.IdentityPool.Name != "shop_identitypool_1a2b3c4d" {
		t.Errorf("Amplify's Default makes a user pool and an identity pool: %q %+v", c.Services, c.IdentityPool)
	}
	if c.ResourceName != "shopauth1a2b3c4d" || c.UserPool.Name != "shopuserpool1a2b3c4d" {
		t.Errorf("names = %s, %s", c.ResourceName, c.UserPool.Name)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestDefaultAdvancedAsksRequiredAttributesAndCapabilities(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", "default").
		Answer("sign_in", "email").
		Answer("advanced", "yes").
		Answer("required_attributes", []string{"email", "name"}).
		Answer("capabilities", []string{"add_user_to_group"}).
		Answer("add_to_group_name", "Members")
	res := run(t, p, nil, false)
	// No function ARN: cogwiz generates the capability's function.
	wantOrder(t, p.Asked(), "mode", "sign_in", "advanced", "required_attributes", "capabilities", "add_to_group_name")
	c := res.Config
	if !slices.Equal(c.UserPool.SignIn.UsernameAttributes, []string{"email"}) {
		t.Errorf("username_attributes = %v", c.UserPool.SignIn.UsernameAttributes)
	}
	if !slices.Equal(c.UserPool.Attributes.Required, []string{"email", "name"}) {
		t.Errorf("required = %v", c.UserPool.Attributes.Required)
	}
	if len(c.UserPool.Capabilities) != 1 || c.UserPool.Capabilities[0].Group != "Members" {
		t.Errorf("capabilities = %+v", c.UserPool.Capabilities)
	}
	if len(c.UserPool.Groups) != 1 || c.UserPool.Groups[0].Name != "Members" {
		t.Errorf("the capability's group is not declared: %+v", c.UserPool.Groups)
	}
	if c.UserPool.Triggers != nil || len(res.Pending) != 0 {
		t.Errorf("triggers = %+v, pending = %v", c.UserPool.Triggers, res.Pending)
	}
}

func TestDefaultSocialWithGoogle(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", "defaultSocial").
		Answer("sign_in", "email").
		Answer("advanced", "no").
		Answer("domain_prefix", prompt.Default).
		Answer("callback_urls", []string{"http://localhost:3000/login/", "https://app.example.com/login/"}).
		Answer("logout_urls", []string{"http://localhost:3000/logout/"}).
		Answer("social_providers", []string{"Google"}).
		Answer("google_client_id", "123.apps.googleusercontent.com").
		Answer("google_client_secret_env", prompt.Default)
	res := run(t, p, nil, false)
	wantOrder(t, p.Asked(), "mode", "sign_in", "advanced", "domain_prefix", "callback_urls", "logout_urls",
		"social_providers", "google_client_id", "google_client_secret_env")
	c := res.Config
	if c.Mode != config.ModeDefaultSocial {
		t.Errorf("mode = %q", c.Mode)
	}
	if len(c.IdentityProviders) != 1 {
		t.Fatalf("identity_providers = %+v", c.IdentityProviders)
	}
	idp := c.IdentityProviders[0]
	if idp.Type != "Google" || idp.ClientID != "123.apps.googleusercontent.com" || idp.ClientSecret != "${env:GOOGLE_CLIENT_SECRET}" {
		t.Errorf("google = %+v", idp)
	}
	oa := c.AppClients[0].OAuth
	if oa == nil || !slices.Equal(oa.IdentityProviders, []string{"COGNITO", "Google"}) || !slices.Equal(oa.Flows, []string{"code"}) {
		t.Fatalf("oauth = %+v", oa)
	}
	// Amplify's withSocialDefaults: AllowedOAuthScopes = every oAuthScopes value.
	if !slices.Equal(oa.Scopes, []string{"phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"}) {
		t.Errorf("scopes = %v, want all five", oa.Scopes)
	}
	if !slices.Equal(oa.CallbackURLs, []string{"http://localhost:3000/login/", "https://app.example.com/login/"}) {
		t.Errorf("callbacks = %v", oa.CallbackURLs)
	}
	if c.Domain == nil || c.Domain.Prefix != "shop-1a2b3c4d" {
		t.Errorf("domain = %+v, want the generated prefix", c.Domain)
	}
	q, _ := p.Shown("domain_prefix")
	if !strings.Contains(q.CreateOnly, "global per region") || q.RecommendedWhy == "" || q.DocURL == "" {
		t.Errorf("the domain question lacks its ⚠️, ⭐ or 📝: %+v", q)
	}
	for _, is := range wizardIssues(c) {
		t.Errorf("validate: %s %s: %s", is.Severity, is.Path, is.Message)
	}
}

// Amplify's userPoolProviders maps every required attribute a provider
// can send (string-maps.js attributeProviderMap): required name with
// Google gives name ← name, and validate has nothing to say.
func TestRequiredNameWithGoogleIsMapped(t *testing.T) {
	p := &enterPrompter{over: map[string]any{
		"mode": "manual", "required_attributes": []string{"email", "name"},
		"social_providers": []string{"Google", "Facebook", "LoginWithAmazon", "SignInWithApple"},
		"google_client_id": "g", "facebook_client_id": "f", "amazon_client_id": "a",
		"apple_services_id": "s", "apple_team_id": "t", "apple_key_id": "k",
	}}
	res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p, Names: names(t)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		mapping map[string]string
		scopes  []string
	}{
		// Amplify's documented results for required [email, name].
		"Google":          {map[string]string{"email": "email", "name": "name", "username": "sub"}, []string{"openid", "email", "profile"}},
		"Facebook":        {map[string]string{"email": "email", "name": "name", "username": "id"}, []string{"email", "public_profile"}},
		"LoginWithAmazon": {map[string]string{"email": "email", "name": "name", "username": "user_id"}, []string{"profile", "profile:user_id"}},
		"SignInWithApple": {map[string]string{"email": "email", "name": "name"}, []string{"email", "name"}},
	}
	for _, idp := range res.Config.IdentityProviders {
		w := want[idp.Type]
		if fmt.Sprint(idp.AttributeMapping) != fmt.Sprint(w.mapping) || !slices.Equal(idp.Scopes, w.scopes) {
			t.Errorf("%s: mapping %v scopes %v, want %v %v", idp.Type, idp.AttributeMapping, idp.Scopes, w.mapping, w.scopes)
		}
	}
	for _, is := range config.Validate(res.Config) {
		if strings.HasPrefix(is.Path, "identity_providers") {
			t.Errorf("validate: %s %s: %s", is.Severity, is.Path, is.Message)
		}
	}
}

func TestBackKeepsAnswerAsDefault(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", "default", prompt.Default).
		Answer("sign_in", "email", prompt.Back, prompt.Default).
		Answer("advanced", prompt.Back, prompt.Default)
	res := run(t, p, nil, false)
	wantOrder(t, p.Asked(), "mode", "sign_in", "advanced", "sign_in", "mode", "sign_in", "advanced")
	if !slices.Equal(res.Config.UserPool.SignIn.UsernameAttributes, []string{"email"}) {
		t.Errorf("going back lost the answer: %v", res.Config.UserPool.SignIn.UsernameAttributes)
	}
}

func TestInvalidAnswerIsAskedAgainWithTheError(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", "defaultSocial").
		Answer("sign_in", prompt.Default).
		Answer("advanced", prompt.Default).
		Answer("domain_prefix", "my-cognito-app", "myapp").
		Answer("callback_urls", prompt.Default).
		Answer("logout_urls", prompt.Default).
		Answer("social_providers", []string{})
	res := run(t, p, nil, false)
	q, _ := p.Shown("domain_prefix")
	if q.Err == nil || !strings.Contains(q.Err.Error(), "cognito") {
		t.Errorf("second showing of domain_prefix should carry the rule error, got %v", q.Err)
	}
	if res.Config.Domain.Prefix != "myapp" {
		t.Errorf("prefix = %q", res.Config.Domain.Prefix)
	}
}

func TestCancelStopsTheWalk(t *testing.T) {
	p := prompt.NewScripted(t).Answer("mode", prompt.Cancel)
	_, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p})
	if !errors.Is(err, prompt.ErrCancelled) {
		t.Fatalf("err = %v, want ErrCancelled", err)
	}
}

func TestManualEverythingOn(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("mode", "manual").
		Answer("services", "user_pool_and_identity_pool").
		Answer("resource_name", "ShopAuth").
		Answer("frontend", "ios").
		Answer("identity_pool_name", "ShopIdentity").
		Answer("allow_unauthenticated", false).
		Answer("third_party_auth", true).
		Answer("identity_pool_providers", []string{"facebook", "google"}).
		Answer("facebook_app_id", "fb-app").
		Answer("google_web_client_id", "g-web").
		Answer("google_ios_client_id", "g-ios").
		Answer("user_pool_name", "ShopUsers").
		Answer("sign_in", "email").
		Answer("case_sensitive", "insensitive").
		Answer("groups_enabled", true).
		Answer("group_names", []string{"Admins", "Editors"}).
		Answer("group_order", []string{"Editors", "Admins"}).
		Answer("admin_queries", true).
		Answer("admin_queries_restrict", true).
		Answer("admin_queries_group", "Admins").
		Answer("mfa_mode", "OPTIONAL").
		Answer("mfa_factors", []string{"sms", "totp"}).
		Answer("mfa_sms_message", "Your code is {####}").
		Answer("email_registration", "email").
		Answer("email_subject", "Shop code").
		Answer("email_message", "Your shop code is {####}").
		Answer("account_recovery", "email").
		Answer("sms_role_arn", "arn:aws:iam::123456789012:role/cognito-sms").
		Answer("sms_external_id", "shop-sms-7f3a").
		Answer("password_override", true).
		Answer("password_min_length", "12").
		Answer("password_characters", []string{"require_lowercase", "require_numbers"}).
		Answer("required_attributes", []string{"email", "name"}).
		Answer("deletion_protection", true).
		Answer("feature_plan", "PLUS").
		Answer("refresh_token_days", "60").
		Answer("access_token_validity", "30m").
		Answer("id_token_validity", "2h").
		Answer("client_attributes", true).
		Answer("read_attributes", []string{"email", "name", "email_verified"}).
		Answer("write_attributes", []string{"family_name"}).
		// Both challenge capabilities together are refused, then one is kept.
		Answer("capabilities", []string{"recaptcha", "email_verification_link", "add_user_to_group", "email_domain_denylist", "email_domain_allowlist", "custom_auth_scaffolding", "override_id_token_claims"},
			[]string{"recaptcha", "email_verification_link", "add_user_to_group", "email_domain_denylist", "email_domain_allowlist", "override_id_token_claims"}).
		Answer("oauth", true).
		Answer("domain_prefix", "shop-login").
		Answer("callback_urls", []string{"https://shop.example.com/callback"}).
		Answer("logout_urls", []string{"https://shop.example.com/"}).
		Answer("oauth_scopes", []string{"email", "openid"}).
		Answer("social_providers", []string{"Facebook", "Google", "LoginWithAmazon", "SignInWithApple"}).
		Answer("facebook_client_id", "fb-id").Answer("facebook_client_secret_env", prompt.Default).
		Answer("google_client_id", "g-id").Answer("google_client_secret_env", "MY_GOOGLE_SECRET").
		Answer("amazon_client_id", "amzn-id").Answer("amazon_client_secret_env", prompt.Default).
		Answer("apple_services_id", "com.example.web").Answer("apple_team_id", "TEAM123").
		Answer("apple_key_id", "KEY123").Answer("apple_private_key_env", prompt.Default).
		Answer("lambda_triggers", true).
		Answer("trigger_list", []string{"create_auth_challenge", "custom_message", "define_auth_challenge", "post_authentication",
			"post_confirmation", "pre_authentication", "pre_sign_up", "verify_auth_challenge_response", "pre_token_generation"}).
		Answer("trigger_create_auth_challenge", []string{"recaptcha"}).
		Answer("trigger_custom_message", prompt.Default).
		Answer("trigger_define_auth_challenge", []string{"recaptcha"}).
		Answer("trigger_post_authentication", []string{"custom"}).
		Answer("post_authentication_arn", "").
		Answer("trigger_post_confirmation", prompt.Default).
		Answer("trigger_pre_authentication", []string{"custom"}).
		Answer("pre_authentication_arn", "arn:aws:lambda:us-east-1:123456789012:function:pre-auth").
		Answer("trigger_pre_sign_up", []string{"email_domain_denylist"}).
		Answer("trigger_verify_auth_challenge_response", []string{"recaptcha"}).
		Answer("trigger_pre_token_generation", []string{"custom"}).
		Answer("pre_token_generation_arn", "arn:aws:lambda:us-east-1:123456789012:function:claims").
		Answer("recaptcha_secret_env", prompt.Default).
		Answer("verification_redirect_url", "https://shop.example.com/verified/").
		Answer("verification_email_subject", prompt.Default).
		Answer("verification_email_message", prompt.Default).
		Answer("add_to_group_name", "Editors").
		Answer("denylist_domains", "spam.example, junk.example").
		Answer("beyond", true).
		Answer("custom_attributes", []string{"tier", "age:Number"}).
		Answer("email_sending", "DEVELOPER").
		Answer("ses_source_arn", "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com").
		Answer("ses_from", "").
		Answer("resource_server", true).
		Answer("resource_server_identifier", "https://api.example.com").
		Answer("resource_server_scopes", []string{"read", "write"}).
		Answer("second_client", true).
		Answer("second_client_name", prompt.Default).
		Answer("second_client_secret", prompt.Default)
	res := run(t, p, nil, false)
	wantOrder(t, p.Asked(),
		"mode", "services", "resource_name", "frontend", "identity_pool_name", "allow_unauthenticated", "third_party_auth",
		"identity_pool_providers", "facebook_app_id", "google_web_client_id", "google_ios_client_id",
		"user_pool_name", "sign_in", "case_sensitive", "groups_enabled", "group_names", "group_order",
		"admin_queries", "admin_queries_restrict", "admin_queries_group",
		"mfa_mode", "mfa_factors", "mfa_sms_message",
		"email_registration", "email_subject", "email_message", "account_recovery", "sms_role_arn", "sms_external_id",
		"password_override", "password_min_length", "password_characters",
		"required_attributes", "deletion_protection", "feature_plan",
		"refresh_token_days", "access_token_validity", "id_token_validity", "client_attributes", "read_attributes", "write_attributes",
		"capabilities", "capabilities", "oauth", "domain_prefix", "callback_urls", "logout_urls", "oauth_scopes",
		"social_providers", "facebook_client_id", "facebook_client_secret_env", "google_client_id", "google_client_secret_env",
		"amazon_client_id", "amazon_client_secret_env", "apple_services_id", "apple_team_id", "apple_key_id", "apple_private_key_env",
		"lambda_triggers", "trigger_list", "trigger_create_auth_challenge", "trigger_custom_message", "trigger_define_auth_challenge",
		"trigger_post_authentication", "post_authentication_arn", "trigger_post_confirmation", "trigger_pre_authentication",
		"pre_authentication_arn", "trigger_pre_sign_up", "trigger_verify_auth_challenge_response", "trigger_pre_token_generation",
		"pre_token_generation_arn",
		"recaptcha_secret_env", "verification_redirect_url", "verification_email_subject",
		"verification_email_message", "add_to_group_name", "denylist_domains",
		"beyond", "custom_attributes", "email_sending", "ses_source_arn", "ses_from",
		"resource_server", "resource_server_identifier", "resource_server_scopes",
		"second_client", "second_client_name", "second_client_secret")

	c := res.Config
	check := func(name string, got, want any) {
		t.Helper()
		if gs, ws := fmtv(got), fmtv(want); gs != ws {
			t.Errorf("%s = %s, want %s", name, gs, ws)
		}
	}
	check("mode", c.Mode, "manual")
	check("resource_name", c.ResourceName, "ShopAuth")
	check("identity_pool", c.IdentityPool.Name, "ShopIdentity")
	check("identity_pool.providers", len(c.IdentityPool.Providers), 2)
	check("google extra audiences", c.IdentityPool.Providers[1].ExtraAudiences, []string{"g-ios"})
	check("groups", []string{c.UserPool.Groups[0].Name, c.UserPool.Groups[1].Name}, []string{"Editors", "Admins"})
	check("precedence", *c.UserPool.Groups[0].Precedence, 1)
	check("admin group", c.AdminQueries.Group, "Admins")
	check("mfa", c.UserPool.MFA.Mode, "OPTIONAL")
	check("factors", c.UserPool.MFA.Factors, []string{"sms", "totp"})
	check("sms role", c.UserPool.SMS.SNSCallerARN, "arn:aws:iam::123456789012:role/cognito-sms")
	check("sms external id", c.UserPool.SMS.ExternalID, "shop-sms-7f3a")
	check("recovery", c.UserPool.AccountRecovery, []string{"verified_email"})
	check("min length", *c.UserPool.PasswordPolicy.MinimumLength, 12)
	check("lowercase", c.UserPool.PasswordPolicy.RequireLowercase, true)
	check("uppercase", c.UserPool.PasswordPolicy.RequireUppercase, false)
	check("plan", c.UserPool.FeaturePlan, "PLUS")
	check("refresh", c.AppClients[0].TokenValidity.Refresh.String(), "60d")
	check("access", c.AppClients[0].TokenValidity.Access.String(), "30m")
	check("write attrs", c.AppClients[0].WriteAttributes, []string{"family_name", "email", "name"})
	// A native frontend is not asked for the flow: Amplify gives it the code grant.
	check("flows", c.AppClients[0].OAuth.Flows, []string{"code"})
	check("scopes", c.AppClients[0].OAuth.Scopes, []string{"email", "openid", "https://api.example.com/read", "https://api.example.com/write"})
	// The trigger flow dropped the allowlist and the claims capability.
	var caps []string
	for _, cp := range c.UserPool.Capabilities {
		caps = append(caps, cp.Type)
	}
	check("capabilities", caps, []string{"recaptcha", "email_verification_link", "add_user_to_group", "email_domain_denylist"})
	check("recaptcha secret", c.UserPool.Capabilities[0].Secret, "${env:RECAPTCHA_SECRET}")
	check("denylist", c.UserPool.Capabilities[3].Domains, []string{"spam.example", "junk.example"})
	check("client idps", c.AppClients[0].OAuth.IdentityProviders, []string{"COGNITO", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple"})
	check("apple key", c.IdentityProviders[3].PrivateKey, "${env:APPLE_PRIVATE_KEY}")
	check("google secret", c.IdentityProviders[1].ClientSecret, "${env:MY_GOOGLE_SECRET}")
	check("pre auth trigger", c.UserPool.Triggers.PreAuthentication, "arn:aws:lambda:us-east-1:123456789012:function:pre-auth")
	check("capability triggers have no ARN", c.UserPool.Triggers.DefineAuthChallenge+c.UserPool.Triggers.PostConfirmation, "")
	check("pending", c.UserPool.Triggers.Pending, []string{"post_authentication"})
	check("pending report", res.Pending, []string{"user_pool.triggers.post_authentication"})
	check("custom attributes", fmt.Sprint(c.UserPool.Attributes.Custom[1].Name, c.UserPool.Attributes.Custom[1].Type), "ageNumber")
	check("email sending", c.UserPool.EmailSending.Account, "DEVELOPER")
	check("resource server", fmt.Sprint(c.ResourceServers[0].Name, len(c.ResourceServers[0].Scopes)), "https api.example.com2")
	check("second client", fmt.Sprint(c.AppClients[1].Name, c.AppClients[1].GenerateSecret), "servertrue")
	for _, is := range wizardIssues(c) {
		t.Errorf("the wizard wrote: %s %s: %s", is.Severity, is.Path, is.Message)
	}
}

func fmtv(v any) string {
	return strings.TrimSpace(strings.ReplaceAll(fmt.Sprintf("%#v", v), "[]string", ""))
}

// existing is a file made by the manual walk: OAuth with one callback,
// two groups, email sign-in, optional TOTP MFA, and a pool id (so the pool
// exists).
func existing(t *testing.T) *config.Config {
	c := config.Recommended()
	c.Mode = config.ModeManual
	c.UserPool.ID = "us-east-1_abc"
	c.UserPool.SignIn.UsernameAttributes = []string{"email"}
	c.UserPool.Groups = []config.Group{{Name: "Admins", Precedence: config.Int(1)}, {Name: "Editors", Precedence: config.Int(2)}}
	c.UserPool.MFA = &config.MFA{Mode: "OPTIONAL", Factors: []string{"totp"}, SMSMessage: "Your authentication code is {####}"}
	c.IdentityProviders = []config.IdentityProvider{{Type: "Google", ClientID: "g-id", ClientSecret: "${env:GOOGLE_CLIENT_SECRET}",
		Scopes: []string{"openid", "email", "profile"}, AttributeMapping: map[string]string{"email": "email", "username": "sub"}}}
	c.AppClients[0].OAuth.IdentityProviders = []string{"COGNITO", "Google"}
	return c
}

func TestUpdateManualIsPrefilledAndLocksCreateOnly(t *testing.T) {
	old := existing(t)
	p := prompt.NewScripted(t).Answer("update_flow", "manual")
	for _, id := range []string{"services", "frontend", "user_pool_name", "groups_enabled", "groups_delete", "group_names", "group_order",
		"admin_queries", "mfa_mode", "mfa_factors", "mfa_sms_message", "email_registration", "email_subject", "email_message",
		"account_recovery", "password_override", "deletion_protection", "feature_plan",
		"refresh_token_days", "access_token_validity", "id_token_validity", "client_attributes",
		"capabilities", "oauth", "domain_prefix", "callback_urls_edit",
		"logout_urls_edit", "oauth_flow", "oauth_scopes", "social_providers",
		"google_client_id", "google_client_secret_env", "lambda_triggers", "beyond", "callback_urls_add", "logout_urls_add"} {
		p.Answer(id, prompt.Default)
	}
	res := run(t, p, old, true)
	wantOrder(t, p.Asked(), "update_flow", "services", "resource_name", "frontend", "user_pool_name", "sign_in", "case_sensitive",
		"groups_enabled", "groups_delete", "group_names", "group_order", "admin_queries", "mfa_mode", "mfa_factors", "mfa_sms_message",
		"email_registration", "email_subject", "email_message", "account_recovery", "password_override",
		"required_attributes", "deletion_protection", "feature_plan",
		"refresh_token_days", "access_token_validity", "id_token_validity", "client_attributes",
		"capabilities", "oauth", "domain_prefix", "callback_urls_edit", "callback_urls_add",
		"logout_urls_edit", "logout_urls_add", "oauth_flow", "oauth_scopes", "social_providers",
		"google_client_id", "google_client_secret_env", "lambda_triggers", "beyond")
	for _, id := range []string{"resource_name", "sign_in", "case_sensitive", "required_attributes"} {
		q, _ := p.Shown(id)
		if q.Locked == "" {
			t.Errorf("%s should be locked once the pool exists", id)
		}
	}
	q, _ := p.Shown("sign_in")
	if q.Default != "email" {
		t.Errorf("sign_in pre-filled with %v, want email", q.Default)
	}
	q, _ = p.Shown("group_names")
	if fmtv(q.Default) != fmtv([]string{"Admins", "Editors"}) {
		t.Errorf("group_names pre-filled with %v", q.Default)
	}
	q, _ = p.Shown("mfa_mode")
	if q.Default != "OPTIONAL" {
		t.Errorf("mfa_mode pre-filled with %v", q.Default)
	}
	q, _ = p.Shown("google_client_secret_env")
	if q.Default != "GOOGLE_CLIENT_SECRET" {
		t.Errorf("secret env pre-filled with %v", q.Default)
	}
	// Enter on every question changes nothing.
	a, _ := config.Marshal(old)
	b, _ := config.Marshal(res.Config)
	if string(a) != string(b) {
		t.Errorf("accepting every default changed the file:\n--- before\n%s\n--- after\n%s", a, b)
	}
}

func TestUpdateWithoutPoolAsksCreateOnly(t *testing.T) {
	old := existing(t)
	old.UserPool.ID = ""
	p := prompt.NewScripted(t).Answer("update_flow", "updateUserPoolGroups").
		Answer("groups_delete", prompt.Default).
		Answer("group_names", []string{"Admins", "Editors", "Viewers"}).
		Answer("group_order", prompt.Default)
	res := run(t, p, old, false)
	wantOrder(t, p.Asked(), "update_flow", "groups_delete", "group_names", "group_order")
	if n := len(res.Config.UserPool.Groups); n != 3 || *res.Config.UserPool.Groups[2].Precedence != 3 {
		t.Errorf("groups = %+v", res.Config.UserPool.Groups)
	}
}

// Deleting a group is a question, as in Amplify's group flow: the deleted
// group is neither offered again nor kept.
func TestUpdateDeletesGroups(t *testing.T) {
	p := prompt.NewScripted(t).Answer("update_flow", "updateUserPoolGroups").
		Answer("groups_delete", []string{"Admins"}).
		Answer("group_names", prompt.Default)
	res := run(t, p, existing(t), true)
	wantOrder(t, p.Asked(), "update_flow", "groups_delete", "group_names")
	q, _ := p.Shown("group_names")
	if fmtv(q.Default) != fmtv([]string{"Editors"}) {
		t.Errorf("group_names offers %v after deleting Admins", q.Default)
	}
	if g := res.Config.UserPool.Groups; len(g) != 1 || g[0].Name != "Editors" || *g[0].Precedence != 1 {
		t.Errorf("groups = %+v", g)
	}
}

func TestUpdateCallbacksAsksOnlyRedirects(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("update_flow", "callbacks").
		Answer("callback_urls_edit", []string{"http://localhost:3000/login/"}).
		Answer("callback_urls_edit_value", "https://app.example.com/login/").
		Answer("callback_urls_add", true).
		Answer("callback_urls_new", []string{"myapp://callback/"}).
		Answer("logout_urls_edit", []string{}).
		Answer("logout_urls_add", false)
	res := run(t, p, existing(t), true)
	wantOrder(t, p.Asked(), "update_flow", "callback_urls_edit", "callback_urls_edit_value", "callback_urls_add",
		"callback_urls_new", "logout_urls_edit", "logout_urls_add")
	if got := res.Config.AppClients[0].OAuth.CallbackURLs; fmtv(got) != fmtv([]string{"https://app.example.com/login/", "myapp://callback/"}) {
		t.Errorf("callbacks = %v", got)
	}
}

func TestUpdateProvidersAsksOnlyProviders(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("update_flow", "providers").
		Answer("social_providers", []string{"Google", "Facebook"}).
		Answer("facebook_client_id", "fb").
		Answer("facebook_client_secret_env", prompt.Default).
		Answer("google_client_id", prompt.Default).
		Answer("google_client_secret_env", prompt.Default)
	res := run(t, p, existing(t), true)
	wantOrder(t, p.Asked(), "update_flow", "social_providers", "facebook_client_id", "facebook_client_secret_env",
		"google_client_id", "google_client_secret_env")
	c := res.Config
	if len(c.IdentityProviders) != 2 || c.IdentityProviders[0].ClientID != "g-id" || c.IdentityProviders[1].ClientSecret != "${env:FACEBOOK_CLIENT_SECRET}" {
		t.Errorf("identity_providers = %+v", c.IdentityProviders)
	}
	if got := c.AppClients[0].OAuth.IdentityProviders; fmtv(got) != fmtv([]string{"COGNITO", "Google", "Facebook"}) {
		t.Errorf("client providers = %v", got)
	}
}

func TestUpdateAdminQueriesAsksOnlyAdmin(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("update_flow", "updateAdminQueries").
		Answer("admin_queries_restrict", true).
		Answer("admin_queries_group", "custom").
		Answer("admin_queries_custom_group", "Ops")
	res := run(t, p, existing(t), true)
	wantOrder(t, p.Asked(), "update_flow", "admin_queries_restrict", "admin_queries_group", "admin_queries_custom_group")
	if aq := res.Config.AdminQueries; aq == nil || !aq.Enabled || aq.Group != "Ops" {
		t.Errorf("admin_queries = %+v", aq)
	}
	q, _ := p.Shown("admin_queries_group")
	if fmtv(optionValues(q.Options)) != fmtv([]string{"Admins", "Editors", "custom"}) {
		t.Errorf("group choices = %v", optionValues(q.Options))
	}
	if g := res.Config.UserPool.Groups; len(g) != 3 || g[2].Name != "Ops" {
		t.Errorf("the custom admin group is not declared: %+v", g)
	}
}

func TestUpdateApplyDefaultRemovesOAuth(t *testing.T) {
	old := existing(t)
	old.UserPool.Verification.EmailSubject = "Custom"
	p := prompt.NewScripted(t).Answer("update_flow", "default")
	res := run(t, p, old, true)
	wantOrder(t, p.Asked(), "update_flow")
	c := res.Config
	if c.AppClients[0].OAuth != nil || c.Domain != nil || len(c.IdentityProviders) != 0 {
		t.Errorf("OAuth kept: %+v %+v %+v", c.AppClients[0].OAuth, c.Domain, c.IdentityProviders)
	}
	if c.UserPool.Verification.EmailSubject != "YourApp Verification Code" {
		t.Errorf("subject not reset: %q", c.UserPool.Verification.EmailSubject)
	}
	if c.UserPool.MFA.Mode != "OPTIONAL" || len(c.UserPool.Groups) != 2 {
		t.Errorf("default must keep MFA and groups: %+v %+v", c.UserPool.MFA, c.UserPool.Groups)
	}
	if c.Mode != config.ModeDefault {
		t.Errorf("mode = %q, want default", c.Mode)
	}
}

// amplify update auth hides the menu choice of the current mode
// (core-questions.ts filterInputs, updateOptions): a Default file is not
// offered "Apply default configuration without Social Provider", and so on.
func TestUpdateMenuHidesTheCurrentMode(t *testing.T) {
	cases := map[string][]string{
		config.ModeDefault:       {"defaultSocial", "manual", "updateUserPoolGroups", "updateAdminQueries"},
		config.ModeDefaultSocial: {"default", "manual", "callbacks", "providers", "updateUserPoolGroups", "updateAdminQueries"},
		config.ModeManual:        {"default", "defaultSocial", "manual", "callbacks", "providers", "updateUserPoolGroups", "updateAdminQueries"},
		"":                       {"default", "defaultSocial", "manual", "callbacks", "providers", "updateUserPoolGroups", "updateAdminQueries"},
	}
	for mode, want := range cases {
		t.Run("mode "+mode, func(t *testing.T) {
			old := existing(t)
			old.Mode = mode
			if mode == config.ModeDefault {
				old = wizard.DefaultConfig(*names(t))
			}
			p := prompt.NewScripted(t).Answer("update_flow", "updateAdminQueries").Answer("admin_queries_restrict", false)
			run(t, p, old, true)
			q, _ := p.Shown("update_flow")
			if got := optionValues(q.Options); !slices.Equal(got, want) {
				t.Errorf("menu = %v, want %v", got, want)
			}
		})
	}
}

func optionValues(opts []prompt.Option) []string {
	var out []string
	for _, o := range opts {
		out = append(out, o.Value)
	}
	return out
}

func TestBackSkipsQuestionsAnsweredWithoutAsking(t *testing.T) {
	// One group: its order is not asked, and going back from admin_queries
	// lands on the group names.
	p := prompt.NewScripted(t).
		Answer("mode", "manual").
		Answer("services", prompt.Default).
		Answer("resource_name", prompt.Default).
		Answer("frontend", prompt.Default).
		Answer("user_pool_name", prompt.Default).
		Answer("sign_in", prompt.Default).
		Answer("case_sensitive", prompt.Default).
		Answer("groups_enabled", true).
		Answer("group_names", []string{"Admins"}, []string{"Admins", "Staff"}).
		Answer("group_order", prompt.Default).
		Answer("admin_queries", prompt.Back, prompt.Cancel)
	_, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p})
	if !errors.Is(err, prompt.ErrCancelled) {
		t.Fatal(err)
	}
	wantOrder(t, p.Asked()[7:], "groups_enabled", "group_names", "admin_queries", "group_names", "group_order", "admin_queries")
}

// enterPrompter presses Enter on every question except the overrides, and
// records what it was asked.
type enterPrompter struct {
	over  map[string]any
	asked []string
	shown map[string]prompt.Question
}

func (p *enterPrompter) Ask(_ context.Context, q prompt.Question) (any, error) {
	if q.Err != nil {
		return nil, fmt.Errorf("%s rejected its answer: %w", q.ID, q.Err)
	}
	p.asked = append(p.asked, q.ID)
	if p.shown == nil {
		p.shown = map[string]prompt.Question{}
	}
	p.shown[q.ID] = q
	if v, ok := p.over[q.ID]; ok && q.Locked == "" {
		return v, nil
	}
	return q.Default, nil
}

func TestConditionsHold(t *testing.T) {
	cases := []struct {
		name     string
		over     map[string]any
		asked    []string
		notAsked []string
	}{
		{"mfa off asks no factors", map[string]any{"mode": "manual", "mfa_mode": "OFF"},
			[]string{"mfa_mode"}, []string{"mfa_factors", "mfa_sms_message"}},
		{"mfa optional with totp asks the SMS message as Amplify does", map[string]any{"mode": "manual", "mfa_mode": "OPTIONAL", "mfa_factors": []string{"totp"}},
			[]string{"mfa_factors", "mfa_sms_message"}, []string{"sms_role_arn"}},
		{"sms factor asks message and role", map[string]any{"mode": "manual", "mfa_mode": "ON", "mfa_factors": []string{"sms"}},
			[]string{"mfa_sms_message", "sms_role_arn"}, []string{"sms_external_id"}},
		{"an SMS role asks its external id", map[string]any{"mode": "manual", "mfa_mode": "ON", "mfa_factors": []string{"sms"},
			"sms_role_arn": "arn:aws:iam::123456789012:role/cognito-sms", "sms_external_id": "x-1"},
			[]string{"sms_role_arn", "sms_external_id"}, nil},
		{"oauth off asks no oauth questions", map[string]any{"mode": "manual", "oauth": false},
			[]string{"oauth"}, []string{"domain_prefix", "callback_urls", "logout_urls", "oauth_flow", "oauth_scopes", "social_providers"}},
		{"oauth on asks them", map[string]any{"mode": "manual"},
			[]string{"domain_prefix", "callback_urls", "logout_urls", "oauth_flow", "oauth_scopes", "social_providers"}, []string{"google_client_id"}},
		{"a native app is not asked the OAuth flow", map[string]any{"mode": "manual", "frontend": "android"},
			[]string{"oauth_scopes"}, []string{"oauth_flow"}},
		{"each provider asks its credentials", map[string]any{"mode": "manual", "social_providers": []string{"LoginWithAmazon", "SignInWithApple"},
			"amazon_client_id": "a", "apple_services_id": "s", "apple_team_id": "t", "apple_key_id": "k"},
			[]string{"amazon_client_id", "amazon_client_secret_env", "apple_services_id", "apple_team_id", "apple_key_id", "apple_private_key_env"},
			[]string{"facebook_client_id", "google_client_id"}},
		{"user pool only asks nothing of the identity pool", map[string]any{"mode": "manual"},
			nil, []string{"identity_pool_name", "allow_unauthenticated", "third_party_auth"}},
		{"google on the web asks no iOS or Android client id", map[string]any{"mode": "manual", "services": "user_pool_and_identity_pool",
			"third_party_auth": true, "identity_pool_providers": []string{"google"}, "google_web_client_id": "w"},
			[]string{"google_web_client_id"}, []string{"google_ios_client_id", "google_android_client_id"}},
		{"google on android asks the Android client id", map[string]any{"mode": "manual", "frontend": "android", "services": "user_pool_and_identity_pool",
			"third_party_auth": true, "identity_pool_providers": []string{"google"}, "google_web_client_id": "w", "google_android_client_id": "a"},
			[]string{"google_android_client_id"}, []string{"google_ios_client_id"}},
		{"phone verification asks the SMS message", map[string]any{"mode": "manual", "email_registration": "phone_number"},
			[]string{"sms_verification_message", "sms_role_arn"}, []string{"email_subject", "email_message"}},
		{"default mode asks three questions", map[string]any{},
			[]string{"mode", "sign_in", "advanced"}, []string{"services", "mfa_mode", "oauth", "case_sensitive", "beyond"}},
		{"aliases ask which ones", map[string]any{"sign_in": "username_aliases"},
			[]string{"alias_attributes"}, nil},
		{"a trigger of your own asks its ARN", map[string]any{"mode": "manual", "lambda_triggers": true, "trigger_list": []string{"pre_authentication"},
			"trigger_pre_authentication": []string{"custom"}},
			[]string{"trigger_pre_authentication", "pre_authentication_arn"}, []string{"trigger_pre_sign_up", "pre_sign_up_arn"}},
		{"a capability asks no ARN", map[string]any{"mode": "manual", "capabilities": []string{"override_id_token_claims"}},
			[]string{"capabilities"}, []string{"pre_token_generation_arn"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &enterPrompter{over: c.over}
			if _, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p}); err != nil {
				t.Fatal(err)
			}
			for _, id := range c.asked {
				if !slices.Contains(p.asked, id) {
					t.Errorf("%s was not asked; asked %v", id, p.asked)
				}
			}
			for _, id := range c.notAsked {
				if slices.Contains(p.asked, id) {
					t.Errorf("%s was asked", id)
				}
			}
		})
	}
}

// Cognito sends a recovery code only to a verified email or phone, so the
// recovery question offers only what the walk verifies.
func TestRecoveryOffersOnlyVerifiedChannels(t *testing.T) {
	cases := []struct {
		over map[string]any
		want []string
	}{
		{map[string]any{"mode": "manual"}, []string{"email", "admin_only"}},
		{map[string]any{"mode": "manual", "email_registration": "phone_number", "sms_role_arn": "arn:aws:iam::123456789012:role/sms", "sms_external_id": "x-1"}, []string{"phone", "admin_only"}},
		{map[string]any{"mode": "manual", "sign_in": "email_or_phone", "sms_role_arn": "arn:aws:iam::123456789012:role/sms", "sms_external_id": "x-1"},
			[]string{"email", "email_phone", "phone", "phone_email", "admin_only"}},
	}
	for _, c := range cases {
		p := &enterPrompter{over: c.over}
		res, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p})
		if err != nil {
			t.Fatal(err)
		}
		if got := optionValues(p.shown["account_recovery"].Options); !slices.Equal(got, c.want) {
			t.Errorf("%v: recovery offers %v, want %v", c.over, got, c.want)
		}
		for _, is := range wizardIssues(res.Config) {
			t.Errorf("%v: validate: %s %s: %s", c.over, is.Severity, is.Path, is.Message)
		}
	}
}

func TestUpdateApplyDefaultWithSocial(t *testing.T) {
	old := existing(t)
	old.UserPool.Verification.EmailSubject = "Custom"
	p := prompt.NewScripted(t).
		Answer("update_flow", "defaultSocial").
		Answer("domain_prefix", prompt.Default).
		Answer("callback_urls_edit", []string{}).
		Answer("callback_urls_add", false).
		Answer("logout_urls_edit", []string{}).
		Answer("logout_urls_add", false).
		Answer("social_providers", []string{"Google"}).
		Answer("google_client_id", prompt.Default).
		Answer("google_client_secret_env", prompt.Default)
	res := run(t, p, old, true)
	wantOrder(t, p.Asked(), "update_flow", "domain_prefix", "callback_urls_edit", "callback_urls_add",
		"logout_urls_edit", "logout_urls_add", "social_providers", "google_client_id", "google_client_secret_env")
	c := res.Config
	if c.UserPool.Verification.EmailSubject != "YourApp Verification Code" {
		t.Errorf("subject not reset: %q", c.UserPool.Verification.EmailSubject)
	}
	if c.AppClients[0].OAuth == nil || c.Domain == nil || len(c.IdentityProviders) != 1 {
		t.Errorf("OAuth should stay: %+v %+v %+v", c.AppClients[0].OAuth, c.Domain, c.IdentityProviders)
	}
	if c.Mode != config.ModeDefaultSocial {
		t.Errorf("mode = %q", c.Mode)
	}
}

// A Default file turned into "Default with Social Provider" gets what
// Amplify's defaultSocial gets: the code grant and all five scopes, and
// the generated domain prefix.
func TestUpdateDefaultFileToSocial(t *testing.T) {
	old := wizard.DefaultConfig(*names(t))
	p := prompt.NewScripted(t).
		Answer("update_flow", "defaultSocial").
		Answer("domain_prefix", prompt.Default).
		Answer("callback_urls", prompt.Default).
		Answer("logout_urls", prompt.Default).
		Answer("social_providers", []string{})
	res := run(t, p, old, false)
	oa := res.Config.AppClients[0].OAuth
	if oa == nil || len(oa.Scopes) != 5 || res.Config.Domain == nil || res.Config.Domain.Prefix != "shop-1a2b3c4d" {
		t.Fatalf("oauth %+v domain %+v", oa, res.Config.Domain)
	}
	for _, is := range wizardIssues(res.Config) {
		t.Errorf("validate: %s %s: %s", is.Severity, is.Path, is.Message)
	}
}

func TestProvidersThatCannotSendARequiredAttributeAreNotOffered(t *testing.T) {
	p := &enterPrompter{over: map[string]any{"mode": "manual", "required_attributes": []string{"email", "family_name"}}}
	if _, err := wizard.Run(context.Background(), wizard.Options{Graph: graph(t), Prompter: p}); err != nil {
		t.Fatal(err)
	}
	q, ok := p.shown["social_providers"]
	if !ok {
		t.Fatal("social_providers was not asked")
	}
	if got := optionValues(q.Options); !slices.Equal(got, []string{"Facebook", "Google", "SignInWithApple"}) {
		t.Errorf("social_providers offered %v", got)
	}
}
