package amplify

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The tests below each cover one way an import used to differ from what
// Amplify deploys. Their fixtures follow amplify-cli's source (see
// testdata/README.md); the file each rule comes from is in the test name's
// comment.

// mustValidate fails on any validation error of the imported file.
func mustValidate(t *testing.T, r *Result) {
	t.Helper()
	for _, is := range config.Validate(r.Config) {
		if is.Severity == config.SeverityError {
			t.Errorf("validate: %s: %s — %s", is.Path, is.Message, is.Hint)
		}
	}
}

// Legacy resources are deployed from their committed template, which has
// no UserAttributeUpdateSettings (auth-template.yml.ejs; the generator only
// added it in amplify-cli PR #10773, auth-cognito-stack-builder.ts).
func TestLegacyTemplateDecidesUpdateSettings_authTemplateYmlEjs(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "legacytemplate", Options{})
	v := r.Config.UserPool.Verification
	if v.KeepOriginalUntilVerified == nil || *v.KeepOriginalUntilVerified {
		t.Errorf("keep_original_until_verified = %v, want false: the committed template has no UserAttributeUpdateSettings", v.KeepOriginalUntilVerified)
	}
	if !hasNote(r, "lakeauth-cloudformation-template.yml") {
		t.Errorf("no note names the template that decided: %v", r.Notes)
	}
	mustValidate(t, r)

	// A resource folder with no committed template: the legacy
	// templates never had the setting either.
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "legacytemplate"), dir)
	if err := os.Remove(filepath.Join(dir, "amplify", "backend", "auth", "lakeauth", "lakeauth-cloudformation-template.yml")); err != nil {
		t.Fatal(err)
	}
	r2, err := Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := r2.Config.UserPool.Verification; v.KeepOriginalUntilVerified == nil || *v.KeepOriginalUntilVerified {
		t.Errorf("without a template: keep_original_until_verified = %v, want false", v.KeepOriginalUntilVerified)
	}

	// A cli-inputs.json resource is deployed from the current generator,
	// which sets it.
	if v := importFixture(t, "outsidevalues", Options{}).Config.UserPool.Verification; v.KeepOriginalUntilVerified == nil || !*v.KeepOriginalUntilVerified {
		t.Errorf("cli-inputs.json resource: keep_original_until_verified = %v, want true", v.KeepOriginalUntilVerified)
	}
}

// build/ wins over the resource folder, as getCfnFiles picks templates
// (amplify-provider-awscloudformation/src/push-resources.ts). The JSON is
// shaped like amplify-cli's own snapshot of a generated template
// (src/__tests__/.../__snapshots__/auth-stack-transform.test.ts.snap).
func TestBuildTemplateWins_pushResourcesGetCfnFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "legacytemplate"), dir)
	build := filepath.Join(dir, "amplify", "backend", "auth", "lakeauth", "build")
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl := `{"Resources": {
	  "SNSRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": {"Fn::If": ["ShouldNotCreateEnvResources", "lakeau5e6f7a8b_sns-role",
	    {"Fn::Join": ["", ["sns5e6f7a8b", {"Fn::Select": [3, {"Fn::Split": ["-", {"Ref": "AWS::StackName"}]}]}, "-", {"Ref": "env"}]]}]}}},
	  "UserPool": {"Type": "AWS::Cognito::UserPool", "Properties": {
	    "SmsConfiguration": {"ExternalId": "lakeau5e6f7a8b_role_external_id", "SnsCallerArn": {"Fn::GetAtt": ["SNSRole", "Arn"]}},
	    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]}}}}}`
	if err := os.WriteFile(filepath.Join(build, "lakeauth-cloudformation-template.json"), []byte(tmpl), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	up := r.Config.UserPool
	if v := up.Verification.KeepOriginalUntilVerified; v == nil || !*v {
		t.Errorf("keep_original_until_verified = %v, want true from build/", v)
	}
	if up.SMS == nil || up.SMS.SNSCallerARN != "arn:aws:iam::444455556666:role/sns5e6f7a8b200517-main" {
		t.Errorf("sms = %+v", up.SMS)
	}
	// No MFALambdaInputs in this template: factors are what mfaTypes says.
	if !reflect.DeepEqual(up.MFA.Factors, []string{config.FactorSMS, config.FactorTOTP}) {
		t.Errorf("factors = %v", up.MFA.Factors)
	}
}

// Values Amplify keeps outside the project become references the file
// accepts: provider client ids, and the SNS role named from sharedId, the
// root stack and env (auth-cognito-stack-builder.ts SNSRole) in the
// account of the auth role (team-provider-info.json). URLs Amplify listed
// twice are kept once; a capability without its setting is left out.
func TestOutsideValuesValidate_authCognitoStackBuilder(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "outsidevalues", Options{})
	mustValidate(t, r)
	c := r.Config
	if c.UserPool.SMS == nil || c.UserPool.SMS.SNSCallerARN != "arn:aws:iam::777788889999:role/sns3c4d5e6f91827-dev" ||
		c.UserPool.SMS.ExternalID != "tripau3c4d5e6f_role_external_id" {
		t.Errorf("sms = %+v", c.UserPool.SMS)
	}
	ids := map[string]string{}
	for _, p := range c.IdentityProviders {
		ids[p.Type] = p.ClientID
	}
	if ids[config.IdPFacebook] != "${env:FACEBOOK_CLIENT_ID}" || ids[config.IdPGoogle] != "${env:GOOGLE_CLIENT_ID}" {
		t.Errorf("client ids = %v, want references", ids)
	}
	var vars []string
	for _, v := range r.Values {
		vars = append(vars, v.Name)
	}
	if !reflect.DeepEqual(vars, []string{"FACEBOOK_CLIENT_ID", "GOOGLE_CLIENT_ID"}) {
		t.Errorf("variables to set = %v", vars)
	}
	for _, s := range []string{"FACEBOOK_CLIENT_ID", "Facebook app id", "identity_providers[type=Facebook].client_id"} {
		if !strings.Contains(r.Summary(), s) {
			t.Errorf("the summary lacks %q:\n%s", s, r.Summary())
		}
	}
	o := c.AppClients[0].OAuth
	if !reflect.DeepEqual(o.CallbackURLs, []string{"https://trip.example.com/", "http://localhost:3000/"}) || !reflect.DeepEqual(o.LogoutURLs, []string{"https://trip.example.com/"}) {
		t.Errorf("urls = %v %v", o.CallbackURLs, o.LogoutURLs)
	}
	if !hasNote(r, "more than once") {
		t.Errorf("no note about the repeated URLs: %v", r.Notes)
	}
	if len(c.UserPool.Capabilities) != 0 || !hasDrop(r, "tripauthPostConfirmation GROUP", "type: add_user_to_group") {
		t.Errorf("capabilities = %+v; drops %v", c.UserPool.Capabilities, r.DroppedFields())
	}
}

// An SNS role that differs per environment, without --env, is a
// reference, and the note says how --env resolves it.
func TestSNSRoleDiffersPerEnvironment(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "multienv", Options{})
	if r.Config.UserPool.SMS != nil {
		t.Fatalf("multienv sends no SMS: %+v", r.Config.UserPool.SMS)
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "multienv"), dir)
	f := filepath.Join(dir, "amplify", "backend", "auth", "crewauth", "cli-inputs.json")
	data, _ := os.ReadFile(f)
	data = []byte(strings.Replace(string(data), `"mfaConfiguration": "OFF"`, `"mfaConfiguration": "ON"`, 1))
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, r)
	if s := r.Config.UserPool.SMS; s == nil || s.SNSCallerARN != "${env:SNS_CALLER_ARN}" {
		t.Errorf("sms = %+v, want a reference", s)
	}
	if !hasNote(r, "dev: arn:aws:iam::343434343434:role/sns8a9b0c1d61520-dev, prod: arn:aws:iam::565656565656:role/sns8a9b0c1d61733-prod") {
		t.Errorf("the note does not list both roles: %v", r.Notes)
	}
	r, err = Import(dir, Options{Env: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Config.UserPool.SMS; s == nil || s.SNSCallerARN != "arn:aws:iam::565656565656:role/sns8a9b0c1d61733-prod" {
		t.Errorf("--env prod: sms = %+v", s)
	}
}

// An imported pool (serviceType imported, import/index.ts) is pinned by
// the ids team-provider-info.json keeps for the chosen environment, and
// nothing is invented.
func TestImportedPoolIsPinned_importIndexTs(t *testing.T) {
	t.Parallel()
	_, err := Import(filepath.Join("testdata", "importedpool"), Options{})
	var envErr *EnvRequiredError
	if !errors.As(err, &envErr) || !strings.Contains(err.Error(), "dev: us-west-2_DevPool01, prod: us-west-2_ProdPool9") || !strings.Contains(err.Error(), "--env") {
		t.Fatalf("err = %v, want the two pools and --env", err)
	}
	r := importFixture(t, "importedpool", Options{Env: "prod"})
	mustValidate(t, r)
	c := r.Config
	if c.UserPool.ID != "us-west-2_ProdPool9" || c.UserPool.Name != "harbor-users" {
		t.Errorf("pool = %s %s", c.UserPool.ID, c.UserPool.Name)
	}
	// prod uses one client for both roles: one client, pinned.
	if len(c.AppClients) != 1 || c.AppClients[0].ID != "7k6j5h4g3f2d1s0aprodwebcli" {
		t.Errorf("clients = %+v", c.AppClients)
	}
	// Nothing invented: no policy, MFA, verification, domain or providers.
	up := c.UserPool
	if up.PasswordPolicy != nil || up.MFA != nil || up.Verification != nil || up.SMS != nil || c.Domain != nil || len(c.IdentityProviders) != 0 {
		t.Errorf("the import invented settings: %+v", up)
	}
	if !reflect.DeepEqual(up.SignIn.UsernameAttributes, []string{"email"}) || !reflect.DeepEqual(up.Attributes.Required, []string{"email", "name"}) {
		t.Errorf("create-only settings = %+v %+v", up.SignIn, up.Attributes)
	}
	if ip := c.IdentityPool; ip == nil || ip.Name != "harbor_identity" || !ip.AllowUnauthenticated {
		t.Errorf("identity pool = %+v", ip)
	}
	if !hasNote(r, "cogwiz import pool us-west-2_ProdPool9") {
		t.Errorf("no pointer to cogwiz import pool: %v", r.Notes)
	}
	if slices.Contains(r.DroppedFields(), "serviceType") {
		t.Error("serviceType is reported as unknown")
	}

	// With one environment it is chosen without --env.
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "importedpool"), dir)
	tpi := filepath.Join(dir, "amplify", "team-provider-info.json")
	data, _ := os.ReadFile(tpi)
	i := strings.Index(string(data), `,
  "prod": {`)
	if err := os.WriteFile(tpi, []byte(string(data[:i])+"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, r)
	if c := r.Config; c.UserPool.ID != "us-west-2_DevPool01" || len(c.AppClients) != 2 || c.AppClients[0].ID != "1a2b3c4d5e6f7g8h9i0jdevweb" || c.AppClients[1].ID != "0j9i8h7g6f5e4d3c2b1adevnat" {
		t.Errorf("dev: %+v %+v", c.UserPool, c.AppClients)
	}

	// Without team-provider-info.json the id is unknown: no file that
	// could create a pool is written.
	if err := os.Remove(tpi); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(dir, Options{}); err == nil || !strings.Contains(err.Error(), "cogwiz import pool") {
		t.Errorf("without ids: err = %v", err)
	}
}

// Several environments that agree give their value without --env; only a
// real disagreement is reported, with how --env resolves it.
func TestEnvironmentsThatAgree_teamProviderInfo(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "multienv", Options{})
	mustValidate(t, r)
	want := []config.Capability{
		{Type: config.CapAddUserToGroup, Group: "Crew"},
		{Type: config.CapEmailDomainAllowlist, Domains: []string{"crew.example", "ship.example"}},
	}
	if !reflect.DeepEqual(r.Config.UserPool.Capabilities, want) {
		t.Errorf("capabilities = %+v, want %+v", r.Config.UserPool.Capabilities, want)
	}
	var differ []string
	for _, d := range r.Dropped {
		if strings.Contains(d.Why, "differs between environments") {
			differ = append(differ, d.Field)
			if !strings.Contains(d.Why, "dev: 100000000001-crewdev") || !strings.Contains(d.Do, "--env NAME") {
				t.Errorf("disagreement line = %s", d)
			}
		}
	}
	if !reflect.DeepEqual(differ, []string{"googleClientId"}) {
		t.Errorf("reported disagreements = %v, want only googleClientId", differ)
	}
	r = importFixture(t, "multienv", Options{Env: "dev"})
	if p := r.Config.IdentityPool.Providers; len(p) != 1 || p[0].AppID != "100000000001-crewdev.apps.googleusercontent.com" {
		t.Errorf("--env dev: providers = %+v", p)
	}
	if _, err := Import(filepath.Join("testdata", "multienv"), Options{Env: "qa"}); err == nil || !strings.Contains(err.Error(), "dev, prod") {
		t.Errorf("--env qa: %v", err)
	}
}

// backend-config.json says which auth resource and which groups Amplify
// deploys (synthesize-resources.ts): a folder it does not list is left
// behind, and groups only exist with a userPoolGroups stack.
func TestBackendConfigDecides_synthesizeResources(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "staleauth", Options{})
	if r.Resource.Name != "appauth" {
		t.Fatalf("picked %s, want appauth (oldauth is not in backend-config.json)", r.Resource.Name)
	}
	if g := r.Config.UserPool.Groups; len(g) != 2 || g[0].Name != "Admins" {
		t.Errorf("groups = %+v", g)
	}
	_, err := Import(filepath.Join("testdata", "staleauth"), Options{Resource: "nope"})
	for _, s := range []string{"appauth (with groups Admins, Staff)", "does not list oldauth"} {
		if err == nil || !strings.Contains(err.Error(), s) {
			t.Errorf("--resource nope: %v; want %q", err, s)
		}
	}
	r = importFixture(t, "staleauth", Options{Resource: "oldauth"})
	if len(r.Config.UserPool.Groups) != 0 || !hasNote(r, "does not list oldauth") {
		t.Errorf("oldauth: groups %+v, notes %v", r.Config.UserPool.Groups, r.Notes)
	}

	// Without a userPoolGroups stack the precedence file deploys nothing.
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "staleauth"), dir)
	bc := filepath.Join(dir, "amplify", "backend", "backend-config.json")
	if err := os.WriteFile(bc, []byte(`{"auth": {"appauth": {"service": "Cognito", "providerPlugin": "awscloudformation"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Config.UserPool.Groups) != 0 || !hasDrop(r, "group Admins", "no userPoolGroups stack") {
		t.Errorf("groups = %+v; drops %v", r.Config.UserPool.Groups, r.DroppedFields())
	}
}

// phone_number as a required attribute alone makes Amplify set up SMS:
// configureSmsOption counts requiredAttributes (utils/configure-sms.ts).
func TestRequiredPhoneSetsUpSMS_configureSms(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "phonerequired", Options{})
	mustValidate(t, r)
	up := r.Config.UserPool
	if up.Verification.SMSMessage != "Your Rides code is {####}" {
		t.Errorf("sms verification message = %q", up.Verification.SMSMessage)
	}
	if slices.Contains(r.DroppedFields(), "smsVerificationMessage") {
		t.Error("the SMS message is reported as unused")
	}
	if up.SMS == nil || up.SMS.SNSCallerARN != "arn:aws:iam::989898989898:role/sns2b3c4d5e73051-staging" {
		t.Errorf("sms = %+v", up.SMS)
	}
}

// Amplify passes a Facebook api_version typed as "14" through; the file
// gets the documented form.
func TestFacebookVersionNormalised_hostedUIProviderMeta(t *testing.T) {
	t.Parallel()
	r := importFixture(t, "facebookversion", Options{})
	mustValidate(t, r)
	if v := r.Config.IdentityProviders[0].APIVersion; v != "v14.0" {
		t.Errorf("api_version = %q, want v14.0", v)
	}
	if !hasNote(r, `"14" is written v14.0`) {
		t.Errorf("no note: %v", r.Notes)
	}
	im := &importer{r: &Result{}}
	for in, want := range map[string]string{"14": "v14.0", "v14": "v14.0", "14.0": "v14.0", "v17.0": "v17.0", "latest": "latest"} {
		if got := im.facebookVersion(in); got != want {
			t.Errorf("facebookVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// Without the useEnabledMfas flag, Amplify sets MFA through
// resources/auth-custom-resource/mfaLambda.js, which always sends an
// SmsMfaConfiguration, and creates the SNS role for every pool
// (auth-cognito-stack-builder.ts; the flag defaults to false for existing
// projects in featureFlags.ts).
func TestNoEnabledMfasFlag_mfaLambda(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTree(t, filepath.Join("testdata", "customtriggers"), dir)
	if err := os.Remove(filepath.Join(dir, "amplify", "cli.json")); err != nil {
		t.Fatal(err)
	}
	r, err := Import(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := r.Config.UserPool.MFA; !reflect.DeepEqual(m.Factors, []string{config.FactorSMS, config.FactorTOTP}) {
		t.Errorf("factors = %v, want sms too", m.Factors)
	}
	// The SNS role exists but team-provider-info.json is not there to name it.
	if s := r.Config.UserPool.SMS; s == nil || s.SNSCallerARN != "${env:SNS_CALLER_ARN}" {
		t.Errorf("sms = %+v", s)
	}
	mustValidate(t, r)
	// With the flag on (the fixture's cli.json), TOTP alone, no SMS role.
	r = importFixture(t, "customtriggers", Options{})
	if m := r.Config.UserPool.MFA; !reflect.DeepEqual(m.Factors, []string{config.FactorTOTP}) || r.Config.UserPool.SMS != nil {
		t.Errorf("flag on: factors %v, sms %+v", m.Factors, r.Config.UserPool.SMS)
	}
}

// The role names every template version has used evaluate to the role
// CloudFormation created (auth-template.yml.ejs history: a fixed name with
// -env, then sns<stack part>-env, then sns<sharedId><stack part>-env).
func TestSNSRoleNameForms(t *testing.T) {
	t.Parallel()
	ctx := cfnContext{env: "dev", stackPrefix: "amplify-shop-dev-123456-authshopauth", params: func(k string) (string, bool) {
		if k == "roleName" {
			return "shopau_sns-role", true
		}
		return "", false
	}}
	for line, want := range map[string]string{
		`!If [ShouldNotCreateEnvResources, 'shopau_sns-role', !Join ['',['shopau_sns-role', '-', !Ref env]]]`:                                        "shopau_sns-role-dev",
		`!If [ShouldNotCreateEnvResources, 'shopau_sns-role', !Join ['',[ 'sns', !Select [3, !Split ['-', !Ref 'AWS::StackName']], '-', !Ref env]]]`: "sns123456-dev",
		`!If [ShouldNotCreateEnvResources, 'x', !Join ['',[ 'sns', 'ab12cd34', !Select [3, !Split ['-', !Ref 'AWS::StackName']], '-', !Ref env]]]`:   "snsab12cd34123456-dev",
		`!If [ShouldNotCreateEnvResources, !Ref roleName, !Join ['',[!Ref roleName, '-', !Ref env]]]`:                                                "shopau_sns-role-dev",
		`shopau_sns-role`: "shopau_sns-role",
	} {
		e, err := yamlExpr(line)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if got, ok := e.eval(ctx); !ok || got != want {
			t.Errorf("%s = %q (%v), want %q", line, got, ok, want)
		}
	}
	// The account-wide pseudo parameters are not known offline.
	e, _ := yamlExpr(`!Join ['',[ 'sns', !Select [3, !Split ['-', !Ref 'AWS::StackId']], '-', !Ref env]]`)
	if _, ok := e.eval(ctx); ok {
		t.Error("a name built from AWS::StackId evaluated")
	}
}

func yamlExpr(value string) (*cfnExpr, error) {
	tree, err := config.DecodeCloudFormationYAML([]byte("v: " + value))
	if err != nil {
		return nil, err
	}
	return exprFromJSON(tree.(map[string]any)["v"]), nil
}
