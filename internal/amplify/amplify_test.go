package amplify

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The fake provider secrets in testdata/full; they must reach no output.
var fakeSecrets = []string{"FAKE-fb-secret-d41d8cd98f00b204", "MIGTAgEAFAKEKEYxyzzy0123456789abcdefFAKEKEY"}

func importFixture(t *testing.T, name string, opts Options) *Result {
	t.Helper()
	r, err := Import(filepath.Join("testdata", name), opts)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return r
}

// TestEveryFieldAccountedFor: each key of each fixture is either read
// into the model or reported with a "not carried over" line.
func TestEveryFieldAccountedFor(t *testing.T) {
	for _, name := range allFixtures {
		t.Run(name, func(t *testing.T) {
			r := importFixture(t, name, Options{Env: envOf(name)})
			// Run the import again to see what it marked.
			im, err := newImporter(r.Resource, Options{Env: envOf(name)})
			if err != nil {
				t.Fatal(err)
			}
			if err := im.run(); err != nil {
				t.Fatal(err)
			}
			if left := im.in.unseen(); len(left) > 0 {
				t.Errorf("keys neither carried over nor reported: %v", left)
			}
			for _, d := range r.Dropped {
				line := d.String()
				if !strings.HasPrefix(line, "not carried over: ") || !strings.Contains(line, " — ") || d.Why == "" || d.Do == "" {
					t.Errorf("report line lacks why or what to do: %q", line)
				}
			}
		})
	}
}

// allFixtures are the projects under testdata.
var allFixtures = []string{"default", "defaultsocial", "manualgroups", "capability", "customtriggers", "full",
	"legacytemplate", "outsidevalues", "importedpool", "multienv", "staleauth", "phonerequired", "facebookversion"}

func mustTPI(t *testing.T, root string) teamProviderInfo {
	t.Helper()
	tpi, err := readTeamProviderInfo(root)
	if err != nil {
		t.Fatal(err)
	}
	return tpi
}

// TestFixturesValidate: every import passes cogwiz's offline rules, with
// and without --env: what Amplify keeps outside the project is a reference.
func TestFixturesValidate(t *testing.T) {
	for _, name := range allFixtures {
		t.Run(name, func(t *testing.T) {
			envs := []string{envOf(name)}
			if name != "importedpool" {
				envs = append(envs, "")
			}
			for _, env := range slices.Compact(envs) {
				mustValidate(t, importFixture(t, name, Options{Env: env}))
			}
		})
	}
}

func envOf(fixture string) string {
	switch fixture {
	case "full", "importedpool":
		return "prod"
	}
	return ""
}

func TestDefault(t *testing.T) {
	r := importFixture(t, "default", Options{})
	c := r.Config
	if c.Mode != config.ModeDefault {
		t.Errorf("mode = %q, want %q (useDefault: default)", c.Mode, config.ModeDefault)
	}
	up := c.UserPool
	if len(up.SignIn.UsernameAttributes) != 0 || up.SignIn.UsernameAttributes == nil {
		t.Errorf("username_attributes = %#v, want [] (sign in with a username)", up.SignIn.UsernameAttributes)
	}
	if up.SignIn.CaseSensitive == nil || *up.SignIn.CaseSensitive {
		t.Errorf("case_sensitive = %v, want false", up.SignIn.CaseSensitive)
	}
	if !reflect.DeepEqual(up.Attributes.Required, []string{"email"}) {
		t.Errorf("required = %v", up.Attributes.Required)
	}
	if *up.PasswordPolicy.MinimumLength != 8 || up.PasswordPolicy.RequireLowercase {
		t.Errorf("password policy = %+v", *up.PasswordPolicy)
	}
	if up.MFA.Mode != config.MFAOff || len(up.MFA.Factors) != 0 {
		t.Errorf("mfa = %+v", *up.MFA)
	}
	if len(up.Groups) != 1 || up.Groups[0].Name != "Admins" || *up.Groups[0].Precedence != 1 {
		t.Errorf("groups = %+v", up.Groups)
	}
	if c.Services != config.ServicesUserPoolIdentityPool || c.IdentityPool == nil || c.IdentityPool.Name != "shopapp1a2b3c4d_identitypool_1a2b3c4d" {
		t.Errorf("identity pool = %s %+v", c.Services, c.IdentityPool)
	}
	if c.Domain != nil || len(c.IdentityProviders) != 0 || c.AppClients[0].OAuth != nil {
		t.Errorf("default mode has no OAuth: domain %+v, providers %+v", c.Domain, c.IdentityProviders)
	}
	// Both Amplify clients, the web one never with a secret.
	if len(c.AppClients) != 2 || c.AppClients[0].Name != "shopap1a2b3c4d_app_clientWeb" || c.AppClients[1].Name != "shopap1a2b3c4d_app_client" {
		t.Fatalf("clients = %+v", c.AppClients)
	}
	for _, cl := range c.AppClients {
		if cl.TokenValidity.Refresh.String() != "30d" || cl.GenerateSecret {
			t.Errorf("client %s: refresh %s secret %v", cl.Name, cl.TokenValidity.Refresh, cl.GenerateSecret)
		}
	}
	if !hasNote(r, "both Amplify app clients") {
		t.Errorf("no note about the two clients: %v", r.Notes)
	}
	for _, f := range []string{"mfaTypes", "sharedId", "authRoleArn", "userpoolClientReadAttributes"} {
		if !slices.Contains(r.DroppedFields(), f) {
			t.Errorf("%s is not reported", f)
		}
	}
}

func TestDefaultSocial(t *testing.T) {
	c := importFixture(t, "defaultsocial", Options{}).Config
	if c.Mode != config.ModeDefaultSocial {
		t.Errorf("mode = %q, want %q (useDefault: defaultSocial)", c.Mode, config.ModeDefaultSocial)
	}
	if !reflect.DeepEqual(c.UserPool.SignIn.UsernameAttributes, []string{"email"}) {
		t.Errorf("username_attributes = %v", c.UserPool.SignIn.UsernameAttributes)
	}
	if c.Domain == nil || c.Domain.Prefix != "notesapp9f8e7d6c-9f8e7d6c" {
		t.Errorf("domain = %+v", c.Domain)
	}
	for _, cl := range c.AppClients {
		o := cl.OAuth
		if o == nil {
			t.Fatalf("client %s has no oauth", cl.Name)
		}
		if !reflect.DeepEqual(o.Flows, []string{"code"}) || !reflect.DeepEqual(o.CallbackURLs, []string{"http://localhost:3000/"}) ||
			!reflect.DeepEqual(o.LogoutURLs, []string{"http://localhost:3000/"}) || !reflect.DeepEqual(o.IdentityProviders, []string{"COGNITO"}) ||
			len(o.Scopes) != 5 {
			t.Errorf("client %s oauth = %+v", cl.Name, *o)
		}
	}
	if len(c.IdentityProviders) != 0 {
		t.Errorf("providers = %+v, want none", c.IdentityProviders)
	}
}

func TestEnvSuffixes(t *testing.T) {
	c := importFixture(t, "defaultsocial", Options{Env: "dev"}).Config
	if c.UserPool.Name != "notesapp9f8e7d6c_userpool_9f8e7d6c-dev" {
		t.Errorf("pool name = %s", c.UserPool.Name)
	}
	if c.Domain.Prefix != "notesapp9f8e7d6c-9f8e7d6c-dev" {
		t.Errorf("domain = %s", c.Domain.Prefix)
	}
	if c.IdentityPool.Name != "notesapp9f8e7d6c_identitypool_9f8e7d6c__dev" {
		t.Errorf("identity pool = %s", c.IdentityPool.Name)
	}
}

func TestManualGroups(t *testing.T) {
	r := importFixture(t, "manualgroups", Options{})
	up := r.Config.UserPool
	pp := up.PasswordPolicy
	if *pp.MinimumLength != 10 || !pp.RequireLowercase || !pp.RequireUppercase || !pp.RequireNumbers || pp.RequireSymbols {
		t.Errorf("password policy = %+v", *pp)
	}
	var got []string
	for _, g := range up.Groups {
		got = append(got, g.Name+":"+itoa(*g.Precedence))
	}
	if strings.Join(got, " ") != "Admins:1 Editors:2 Viewers:3" {
		t.Errorf("groups = %v", got)
	}
	if r.Config.Services != config.ServicesUserPool || r.Config.IdentityPool != nil {
		t.Errorf("userPoolOnly became %s %+v", r.Config.Services, r.Config.IdentityPool)
	}
	if !slices.Contains(r.DroppedFields(), "user-pool-group-precedence.json: Admins.customPolicies") {
		t.Errorf("the hand-written group policy is not reported: %v", r.DroppedFields())
	}
	if up.Verification.EmailSubject != "Welcome to Team" || up.Verification.EmailMessage != "Your Team code is {####}" {
		t.Errorf("verification = %+v", *up.Verification)
	}
}

func TestCapability(t *testing.T) {
	r := importFixture(t, "capability", Options{})
	up := r.Config.UserPool
	if !reflect.DeepEqual(up.Attributes.Required, []string{"email", "family_name", "name"}) {
		t.Errorf("required = %v", up.Attributes.Required)
	}
	want := []config.Capability{{Type: config.CapAddUserToGroup, Group: "Members"}}
	if !reflect.DeepEqual(up.Capabilities, want) {
		t.Errorf("capabilities = %+v, want %+v (GROUP from team-provider-info.json)", up.Capabilities, want)
	}
	if !hasDrop(r, "triggers.PostConfirmation", "user_pool.triggers.post_confirmation") {
		t.Errorf("the trigger ARN is not asked for: %v", r.Dropped)
	}
	if !r.Config.IdentityPool.AllowUnauthenticated || r.Config.IdentityPool.Name != "clubidentity" {
		t.Errorf("identity pool = %+v", r.Config.IdentityPool)
	}
}

func TestCapabilityWithoutTeamProviderInfo(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("testdata", "capability", "amplify", "backend", "auth", "clubauth", "cli-inputs.json")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "cli-inputs.json")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Import(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Without its GROUP the capability cannot be written (validate needs
	// the group): it is left out, and the report says how to add it back.
	if up := r.Config.UserPool; len(up.Capabilities) != 0 {
		t.Errorf("capabilities = %+v, want none", up.Capabilities)
	}
	if !hasDrop(r, "clubauthPostConfirmation GROUP", "type: add_user_to_group and group:") {
		t.Errorf("the missing group is not reported: %v", r.Dropped)
	}
}

func TestCustomTriggersAndClientAttributes(t *testing.T) {
	r := importFixture(t, "customtriggers", Options{})
	c := r.Config
	if *c.UserPool.PasswordPolicy.MinimumLength != 12 || !c.UserPool.PasswordPolicy.RequireSymbols {
		t.Errorf("password policy from strings = %+v", *c.UserPool.PasswordPolicy)
	}
	if m := c.UserPool.MFA; m.Mode != config.MFAOptional || !reflect.DeepEqual(m.Factors, []string{config.FactorTOTP}) {
		t.Errorf("mfa = %+v", *m)
	}
	if *c.UserPool.SignIn.CaseSensitive != true {
		t.Error("usernameCaseSensitive true was not carried over")
	}
	for _, cl := range c.AppClients {
		if cl.TokenValidity.Refresh != (config.Duration{Value: 30, Unit: "d"}) {
			t.Errorf("%s: refresh from the string \"30\" = %v", cl.Name, cl.TokenValidity.Refresh)
		}
		if !reflect.DeepEqual(cl.ReadAttributes, []string{"email", "email_verified", "preferred_username", "picture"}) ||
			!reflect.DeepEqual(cl.WriteAttributes, []string{"picture", "email", "preferred_username"}) {
			t.Errorf("%s: read %v write %v", cl.Name, cl.ReadAttributes, cl.WriteAttributes)
		}
	}
	if c.AppClients[0].GenerateSecret || !c.AppClients[1].GenerateSecret {
		t.Error("only the native client gets the secret")
	}
	for _, k := range []string{"PreAuthentication", "PostAuthentication"} {
		if !hasDrop(r, "triggers."+k, "module custom") {
			t.Errorf("custom trigger %s is not reported with its code: %v", k, r.Dropped)
		}
	}
	if !reflect.DeepEqual(c.UserPool.Capabilities, []config.Capability{{Type: config.CapOverrideIDTokenClaims}}) {
		t.Errorf("capabilities = %+v", c.UserPool.Capabilities)
	}
}

func TestFull(t *testing.T) {
	r := importFixture(t, "full", Options{Env: "prod"})
	c := r.Config
	up := c.UserPool
	if !reflect.DeepEqual(up.SignIn.UsernameAttributes, []string{"email", "phone_number"}) {
		t.Errorf(`["email, phone_number"] became %v`, up.SignIn.UsernameAttributes)
	}
	if up.Name != "market_users-prod" || c.Domain.Prefix != "market-login-prod" {
		t.Errorf("names with --env: %s %s", up.Name, c.Domain.Prefix)
	}
	if c.AdminQueries == nil || !c.AdminQueries.Enabled || c.AdminQueries.Group != "Admins" {
		t.Errorf("admin queries = %+v", c.AdminQueries)
	}
	wantCaps := []config.Capability{{Type: config.CapAddUserToGroup, Group: "Sellers"}, {Type: config.CapCustomAuthScaffolding}}
	if !reflect.DeepEqual(up.Capabilities, wantCaps) {
		t.Errorf("capabilities = %+v", up.Capabilities)
	}
	if !hasDrop(r, "triggers.PreSignup", "user_pool.triggers.pre_sign_up") {
		t.Errorf("PreSignup is not mapped to pre_sign_up: %v", r.Dropped)
	}
	o := c.AppClients[1].OAuth
	if o == nil || !reflect.DeepEqual(o.CallbackURLs, []string{"https://market.example.com/", "marketapp://"}) ||
		!reflect.DeepEqual(o.IdentityProviders, []string{"COGNITO", "Facebook", "SignInWithApple"}) {
		t.Errorf("oauth = %+v", o)
	}
	if len(c.IdentityProviders) != 2 {
		t.Fatalf("providers = %+v", c.IdentityProviders)
	}
	fb, apple := c.IdentityProviders[0], c.IdentityProviders[1]
	if fb.Type != config.IdPFacebook || fb.APIVersion != "v17.0" || fb.ClientID != "4455667788" ||
		!reflect.DeepEqual(fb.Scopes, []string{"email", "public_profile"}) || fb.AttributeMapping["username"] != "id" ||
		fb.ClientSecret != "${env:FACEBOOK_CLIENT_SECRET}" {
		t.Errorf("facebook = %+v", fb)
	}
	if apple.Type != config.IdPApple || apple.ClientID != "com.example.market.signin" || apple.TeamID != "TEAM123456" ||
		apple.KeyID != "KEY7654321" || apple.PrivateKey != "${env:SIGNINWITHAPPLE_PRIVATE_KEY}" {
		t.Errorf("apple = %+v", apple)
	}
	if c.IdentityPool == nil || len(c.IdentityPool.Providers) != 1 || c.IdentityPool.Providers[0].AppID != "123456789012-abcdefg.apps.googleusercontent.com" {
		t.Errorf("identity pool providers = %+v (googleClientId of prod)", c.IdentityPool)
	}
	if !slices.Contains(r.DroppedFields(), "marketingOptIn") {
		t.Errorf("the unknown key is not reported: %v", r.DroppedFields())
	}
	var names []string
	for _, s := range r.Secrets {
		names = append(names, s.Name)
	}
	if !reflect.DeepEqual(names, []string{"FACEBOOK_CLIENT_SECRET", "SIGNINWITHAPPLE_PRIVATE_KEY"}) {
		t.Errorf("secret variables = %v", names)
	}
}

func TestSecretsNeverInOutput(t *testing.T) {
	r := importFixture(t, "full", Options{Env: "prod"})
	model, err := json.Marshal(r.Config)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{string(model), r.Summary()} {
		for _, s := range fakeSecrets {
			if strings.Contains(out, s) {
				t.Fatalf("a provider secret leaked into the output")
			}
		}
	}
}

func TestDeploymentSecretsGiveClientIDs(t *testing.T) {
	// A project whose provider credentials live only in the per-user secrets file.
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "full"), dir)
	f := filepath.Join(dir, "amplify", "backend", "auth", "marketauth", "cli-inputs.json")
	data, _ := os.ReadFile(f)
	var top map[string]any
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	delete(top["cognitoConfig"].(map[string]any), "hostedUIProviderCreds")
	data, _ = json.Marshal(top)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	secrets := filepath.Join(dir, "deployment-secrets.json")
	ds := `{"appSecrets":[{"rootStackId":"arn:aws:cloudformation:eu-central-1:111122223333:stack/amplify-market-prod-55667/cc33dd44",
	  "environments":{"prod":{"auth":{"marketauth":{"hostedUIProviderCreds":"[{\"ProviderName\":\"Facebook\",\"client_id\":\"fb-from-secrets\",\"client_secret\":\"FAKE-fb-secret-d41d8cd98f00b204\"}]"}}}}}]}`
	if err := os.WriteFile(secrets, []byte(ds), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{Env: "prod", DeploymentSecrets: secrets})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Config.IdentityProviders[0].ClientID; got != "fb-from-secrets" {
		t.Errorf("facebook client_id = %q", got)
	}
	// The Apple ids are nowhere in the project: references, named in the summary.
	apple := r.Config.IdentityProviders[1]
	if apple.ClientID != "${env:SIGNINWITHAPPLE_CLIENT_ID}" || apple.TeamID != "${env:SIGNINWITHAPPLE_TEAM_ID}" || apple.KeyID != "${env:SIGNINWITHAPPLE_KEY_ID}" {
		t.Errorf("apple = %+v, want references for its ids", apple)
	}
	for _, v := range []string{"SIGNINWITHAPPLE_CLIENT_ID", "SIGNINWITHAPPLE_TEAM_ID", "SIGNINWITHAPPLE_KEY_ID"} {
		if !strings.Contains(r.Summary(), v) {
			t.Errorf("the summary does not name %s:\n%s", v, r.Summary())
		}
	}
	model, _ := json.Marshal(r.Config)
	if strings.Contains(string(model)+r.Summary(), fakeSecrets[0]) {
		t.Fatal("a provider secret leaked into the output")
	}
}

func TestSeveralResources(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "capability"), dir)
	copyTree(t, filepath.Join("testdata", "customtriggers", "amplify", "backend", "auth"), filepath.Join(dir, "amplify", "backend", "auth"))
	_, err := Import(dir, Options{})
	var multi *MultipleResourcesError
	if err == nil || !errorsAs(err, &multi) || !reflect.DeepEqual(multi.Names, []string{"blogauth", "clubauth"}) {
		t.Fatalf("err = %v, want a MultipleResourcesError naming both", err)
	}
	if !strings.Contains(err.Error(), "--resource") {
		t.Errorf("the error does not name --resource: %v", err)
	}
	r, err := Import(dir, Options{Resource: "blogauth"})
	if err != nil || r.Config.ResourceName != "blogauth" {
		t.Fatalf("--resource blogauth: %v", err)
	}
	if _, err := Import(dir, Options{Resource: "nope"}); err == nil || !strings.Contains(err.Error(), "blogauth, clubauth") {
		t.Errorf("unknown resource: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"notjson":   `{"version": "1", "cognitoConfig": `,
		"badnumber": `{"version": "1", "cognitoConfig": {"resourceName": "x", "passwordPolicyMinLength": "eight"}}`,
		"idponly":   `{"version": "1", "cognitoConfig": {"resourceName": "x", "authSelections": "identityPoolOnly"}}`,
		"badoauth":  `{"version": "1", "cognitoConfig": {"resourceName": "x", "hostedUI": true, "oAuthMetadata": "{not json"}}`,
	} {
		f := filepath.Join(dir, name+".json")
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Import(f, Options{})
		if err == nil {
			t.Errorf("%s: imported without error", name)
			continue
		}
		if !strings.Contains(err.Error(), f) {
			t.Errorf("%s: error does not name the file: %v", name, err)
		}
	}
	if _, err := Import(filepath.Join(dir, "missing"), Options{}); err == nil || !strings.Contains(err.Error(), "missing does not exist: pass the Amplify project's root folder") {
		t.Errorf("a missing path: %v", err)
	}
	if _, err := Import(dir, Options{}); err == nil || !strings.Contains(err.Error(), "not an Amplify project") {
		t.Errorf("a folder without amplify/: %v", err)
	}
}

func hasNote(r *Result, s string) bool {
	for _, n := range r.Notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

func hasDrop(r *Result, field, text string) bool {
	for _, d := range r.Dropped {
		if d.Field == field && strings.Contains(d.String(), text) {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// copyTree copies the files under src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLegacyParametersFile reads a project from before cli-inputs.json,
// whose parameters.json holds the same keys at the top level.
func TestLegacyParametersFile(t *testing.T) {
	dir := t.TempDir()
	res := filepath.Join(dir, "amplify", "backend", "auth", "oldauth")
	if err := os.MkdirAll(res, 0o755); err != nil {
		t.Fatal(err)
	}
	params := `{"resourceName": "oldauth", "userPoolName": "old_pool", "authSelections": "userPoolOnly",
	  "usernameAttributes": ["email"], "requiredAttributes": ["email"], "mfaConfiguration": "OFF",
	  "passwordPolicyMinLength": 8, "roleName": "oldauth_sns-role", "verificationBucketName": "oldauthverificationbucket"}`
	if err := os.WriteFile(filepath.Join(res, "parameters.json"), []byte(params), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Config.UserPool.Name != "old_pool" || !reflect.DeepEqual(r.Config.UserPool.SignIn.UsernameAttributes, []string{"email"}) {
		t.Errorf("config = %+v", r.Config.UserPool)
	}
	for _, f := range []string{"roleName", "verificationBucketName"} {
		if !slices.Contains(r.DroppedFields(), f) {
			t.Errorf("%s is not reported: %v", f, r.DroppedFields())
		}
	}
	if hasDrop(r, "roleName", "does not know") {
		t.Error("a known Amplify key is reported as unknown")
	}
}

// TestCapabilitySettingsFromTeamProviderInfo covers the capabilities whose
// settings live in the trigger functions' per-environment values.
func TestCapabilitySettingsFromTeamProviderInfo(t *testing.T) {
	dir := t.TempDir()
	res := filepath.Join(dir, "amplify", "backend", "auth", "capauth")
	if err := os.MkdirAll(res, 0o755); err != nil {
		t.Fatal(err)
	}
	inputs := `{"version": "1", "cognitoConfig": {"resourceName": "capauth", "userPoolName": "cap_pool", "authSelections": "userPoolOnly",
	  "triggers": "{\"PreSignup\":[\"email-filter-denylist-legacy\"],\"CustomMessage\":[\"verification-link\"],\"DefineAuthChallenge\":[\"captcha-define-challenge\"],\"CreateAuthChallenge\":[\"captcha-create-challenge\"],\"VerifyAuthChallengeResponse\":[\"captcha-verify\"]}"}}`
	tpi := `{"dev": {"categories": {"function": {
	  "capauthPreSignup": {"DOMAINBLACKLIST": "spam.example, junk.example"},
	  "capauthCustomMessage": {"REDIRECTURL": "https://cap.example/welcome", "EMAILSUBJECT": "Welcome", "EMAILMESSAGE": "Click below"},
	  "capauthCreateAuthChallenge": {"RECAPTCHASECRET": "FAKE-recaptcha-secret-0042"}}}}}`
	if err := os.WriteFile(filepath.Join(res, "cli-inputs.json"), []byte(inputs), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "amplify", "team-provider-info.json"), []byte(tpi), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{Env: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	want := []config.Capability{
		{Type: config.CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"},
		{Type: config.CapEmailVerificationLink, RedirectURL: "https://cap.example/welcome", EmailSubject: "Welcome", EmailMessage: "Click below"},
		{Type: config.CapEmailDomainDenylist, Domains: []string{"spam.example", "junk.example"}},
	}
	if !reflect.DeepEqual(r.Config.UserPool.Capabilities, want) {
		t.Errorf("capabilities =\n%+v\nwant\n%+v", r.Config.UserPool.Capabilities, want)
	}
	model, _ := json.Marshal(r.Config)
	if strings.Contains(string(model)+r.Summary(), "FAKE-recaptcha-secret-0042") {
		t.Fatal("the reCaptcha secret leaked")
	}
	if !strings.Contains(r.Summary(), "RECAPTCHA_SECRET") {
		t.Errorf("the user is not told to set RECAPTCHA_SECRET:\n%s", r.Summary())
	}
}

// Amplify's identity pool keeps its roles: team-provider-info.json names
// the environment's AuthRole and UnauthRole, and the stack id gives the
// account, so the file names them by ARN (cogwiz uses them as they are).
// Without an environment cogwiz creates its own, and says so.
func TestIdentityPoolRolesByName(t *testing.T) {
	r := importFixture(t, "default", Options{Env: "dev"})
	ip := r.Config.IdentityPool
	if ip.AuthenticatedRole == nil || ip.AuthenticatedRole.ARN != "arn:aws:iam::111122223333:role/amplify-shopapp-dev-123456-authRole" ||
		ip.UnauthenticatedRole == nil || ip.UnauthenticatedRole.ARN != "arn:aws:iam::111122223333:role/amplify-shopapp-dev-123456-unauthRole" {
		t.Errorf("roles = %+v / %+v", ip.AuthenticatedRole, ip.UnauthenticatedRole)
	}
	if ip.AllowUnauthenticated {
		t.Error("guest access was not carried over as false")
	}
	if errs := config.Validate(r.Config); slices.ContainsFunc(errs, func(is config.Issue) bool { return is.Severity == config.SeverityError }) {
		t.Errorf("invalid: %v", errs)
	}
	full := importFixture(t, "full", Options{})
	if full.Config.IdentityPool != nil && full.Config.IdentityPool.AuthenticatedRole != nil {
		t.Errorf("without an environment's role names, a role is made up: %+v", full.Config.IdentityPool.AuthenticatedRole)
	}
}
