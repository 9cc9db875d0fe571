package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"gopkg.in/yaml.v3"

	"github.com/cogwiz/cogwiz/internal/config"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// sample is a configuration with something of every kind: a Google
// provider whose secret is an env reference, groups, a domain, a resource
// server, custom attributes, MFA, triggers and two clients.
func sample() *config.Config {
	return &config.Config{
		Version:      config.CurrentVersion,
		ResourceName: "ShopAuth",
		Services:     config.ServicesUserPool,
		UserPool: config.UserPool{
			Name: "shop-users",
			SignIn: config.SignIn{
				UsernameAttributes: []string{"email"},
				CaseSensitive:      config.Bool(false),
			},
			Attributes: config.Attributes{
				Required: []string{"email", "name"},
				Custom: []config.CustomAttribute{
					{Name: "tier", Type: "String", Mutable: config.Bool(true), MinLength: config.Int(1), MaxLength: config.Int(32)},
					{Name: "age", Type: "Number", Mutable: config.Bool(false), MinValue: config.Int(0), MaxValue: config.Int(150)},
				},
			},
			PasswordPolicy: &config.PasswordPolicy{MinimumLength: config.Int(10), RequireLowercase: true, RequireNumbers: true, TemporaryPasswordValidityDays: config.Int(7)},
			MFA:            &config.MFA{Mode: config.MFAOptional, Factors: []string{config.FactorTOTP}},
			Verification: &config.Verification{
				AutoVerifiedAttributes: []string{"email"}, KeepOriginalUntilVerified: config.Bool(true),
				EmailStyle: config.EmailStyleCode, EmailSubject: "Your Shop code", EmailMessage: "Your code is {####}. It costs $0 `free`.",
			},
			AccountRecovery:    []string{"verified_email"},
			EmailSending:       &config.EmailSending{Account: "COGNITO_DEFAULT"},
			AdminCreateUser:    &config.AdminCreateUser{AdminOnly: false},
			FeaturePlan:        "ESSENTIALS",
			DeletionProtection: config.Bool(true),
			Triggers: &config.Triggers{
				PostConfirmation: "arn:aws:lambda:eu-west-1:111122223333:function:shop-post-confirmation",
			},
			Groups: []config.Group{
				{Name: "Admins", Precedence: config.Int(1), Description: "Shop staff"},
				{Name: "Customers", Precedence: config.Int(10)},
			},
			Tags: map[string]string{"team": "shop"},
		},
		AppClients: []config.AppClient{
			{
				Name:          "web",
				TokenValidity: &config.TokenValidity{Access: config.Duration{Value: 1, Unit: "h"}, ID: config.Duration{Value: 1, Unit: "h"}, Refresh: config.Duration{Value: 30, Unit: "d"}},
				AuthFlows:     []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"},
				OAuth: &config.OAuth{
					Flows:             []string{"code"},
					Scopes:            []string{"email", "openid", "profile", "https://api.shop.example/orders.read"},
					CallbackURLs:      []string{"https://shop.example/callback"},
					LogoutURLs:        []string{"https://shop.example/"},
					IdentityProviders: []string{"COGNITO", "Google"},
				},
				PreventUserExistenceErrors: config.Bool(true),
				EnableTokenRevocation:      config.Bool(true),
			},
			{Name: "backend", GenerateSecret: true, AuthFlows: []string{"ALLOW_REFRESH_TOKEN_AUTH"}},
		},
		Domain: &config.Domain{Prefix: "shop-login"},
		IdentityProviders: []config.IdentityProvider{{
			Type: config.IdPGoogle, ClientID: "1234-shop.apps.googleusercontent.com",
			ClientSecret:     config.SecretRef("GOOGLE_CLIENT_SECRET"),
			Scopes:           []string{"openid", "email", "profile"},
			AttributeMapping: map[string]string{"email": "email", "name": "name", "username": "sub"},
		}},
		ResourceServers: []config.ResourceServer{{
			Identifier: "https://api.shop.example", Name: "Shop API",
			Scopes: []config.Scope{{Name: "orders.read", Description: "Read orders"}},
		}},
	}
}

// testdataConfig is testdata/<name>, which must parse and validate:
// functions.yaml has every capability served by a generated function,
// env-references.yaml a reference in every key that takes one,
// identity-pool.yaml an identity pool with both roles, a role per group
// and token role mapping.
func testdataConfig(t *testing.T, name string) *config.Config {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := config.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range config.Validate(doc.Config) {
		if p.Severity == config.SeverityError {
			t.Fatalf("%s: %s: %s", name, p.Path, p.Message)
		}
	}
	return doc.Config
}

// secretValue is set in the environment while exporting; it must appear nowhere.
const secretValue = "GOCSPX-never-in-an-export-9f8e7d"

func exports(t *testing.T, cfg *config.Config) map[string]*Result {
	t.Helper()
	t.Setenv("GOOGLE_CLIENT_SECRET", secretValue)
	out := map[string]*Result{}
	var err error
	if out["cloudformation.yaml"], err = CloudFormation(cfg, false); err != nil {
		t.Fatalf("CloudFormation: %v", err)
	}
	if out["cloudformation.json"], err = CloudFormation(cfg, true); err != nil {
		t.Fatalf("CloudFormation JSON: %v", err)
	}
	if out["main.tf"], err = Terraform(cfg); err != nil {
		t.Fatalf("Terraform: %v", err)
	}
	if out["create-pool.sh"], err = AWSCLI(cfg); err != nil {
		t.Fatalf("AWSCLI: %v", err)
	}
	return out
}

func TestGolden(t *testing.T) {
	for name, r := range exports(t, sample()) {
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, r.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./internal/export -update to create it)", name, err)
		}
		if !bytes.Equal(r.Data, want) {
			t.Errorf("%s differs from its golden file (run go test ./internal/export -update and review the diff)\n--- got ---\n%s", name, r.Data)
		}
	}
}

func TestNoSecretValueInAnyExport(t *testing.T) {
	for name, r := range exports(t, sample()) {
		if bytes.Contains(r.Data, []byte(secretValue)) {
			t.Errorf("%s contains the secret value", name)
		}
		if len(r.Secrets) != 1 || r.Secrets[0] != "GOOGLE_CLIENT_SECRET" {
			t.Errorf("%s: secrets = %v, want [GOOGLE_CLIENT_SECRET]", name, r.Secrets)
		}
	}
}

func TestCloudFormationSecretIsNoEchoParameter(t *testing.T) {
	r := exports(t, sample())["cloudformation.yaml"]
	var tpl struct {
		Parameters map[string]struct {
			Type   string `yaml:"Type"`
			NoEcho bool   `yaml:"NoEcho"`
		} `yaml:"Parameters"`
		Resources map[string]struct {
			Type       string         `yaml:"Type"`
			DependsOn  []string       `yaml:"DependsOn"`
			Properties map[string]any `yaml:"Properties"`
		} `yaml:"Resources"`
	}
	if err := yaml.Unmarshal(r.Data, &tpl); err != nil {
		t.Fatal(err)
	}
	p, ok := tpl.Parameters["GoogleClientSecret"]
	if !ok || !p.NoEcho || p.Type != "String" {
		t.Fatalf("parameter GoogleClientSecret = %+v, want a NoEcho String", p)
	}
	idp := tpl.Resources["IdentityProviderGoogle"]
	details, _ := idp.Properties["ProviderDetails"].(map[string]any)
	if ref, _ := details["client_secret"].(map[string]any); ref["Ref"] != "GoogleClientSecret" {
		t.Errorf("client_secret = %v, want {Ref: GoogleClientSecret}", details["client_secret"])
	}
	if got := details["authorize_scopes"]; got != "openid email profile" {
		t.Errorf("authorize_scopes = %v", got)
	}
	web := tpl.Resources["ClientWeb"]
	if !containsAll(web.DependsOn, "IdentityProviderGoogle", "ResourceServerShopAPI") {
		t.Errorf("web client DependsOn = %v, want the Google provider and the resource server", web.DependsOn)
	}
	pool := tpl.Resources["UserPool"].Properties
	if pool["MfaConfiguration"] != "OPTIONAL" || !equalAny(pool["EnabledMfas"], []any{"SOFTWARE_TOKEN_MFA"}) {
		t.Errorf("MFA = %v %v", pool["MfaConfiguration"], pool["EnabledMfas"])
	}
	if pool["DeletionProtection"] != "ACTIVE" {
		t.Errorf("DeletionProtection = %v", pool["DeletionProtection"])
	}
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		if !contains(list, w) {
			return false
		}
	}
	return true
}

func equalAny(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestTerraformParses(t *testing.T) {
	r := exports(t, sample())["main.tf"]
	f, diags := hclparse.NewParser().ParseHCL(r.Data, "main.tf")
	if diags.HasErrors() {
		t.Fatalf("HCL does not parse: %s", diags.Error())
	}
	content, _, diags := f.Body.PartialContent(&hclSchema)
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	got := map[string]int{}
	for _, b := range content.Blocks {
		if b.Type == "resource" {
			got[b.Labels[0]]++
		}
		if b.Type == "variable" && b.Labels[0] != "google_client_secret" {
			t.Errorf("unexpected variable %s", b.Labels[0])
		}
	}
	want := map[string]int{
		"aws_cognito_user_pool": 1, "aws_cognito_user_pool_client": 2, "aws_cognito_user_pool_domain": 1,
		"aws_cognito_user_group": 2, "aws_cognito_identity_provider": 1, "aws_cognito_resource_server": 1,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %s resources, want %d", got[k], k, n)
		}
	}
	for _, s := range []string{"sensitive   = true", `"client_secret"    = var.google_client_secret`, "user_pool_id = aws_cognito_user_pool.shop_auth.id"} {
		if !strings.Contains(string(r.Data), s) {
			t.Errorf("main.tf lacks %q", s)
		}
	}
}

func TestAWSCLIScriptSyntax(t *testing.T) {
	r := exports(t, sample())["create-pool.sh"]
	path := filepath.Join(t.TempDir(), "create-pool.sh")
	if err := os.WriteFile(path, r.Data, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
}

func TestSkippedParts(t *testing.T) {
	c := sample()
	c.IdentityPool = &config.IdentityPool{Name: "shop_identity", ID: "eu-west-1:11111111-2222-3333-4444-555555555555"}
	c.AdminQueries = &config.AdminQueries{Enabled: true, Group: "Admins"}
	c.UserPool.Capabilities = []config.Capability{{Type: config.CapAddUserToGroup, Group: "Customers"}}
	r, err := Terraform(c)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(r.Skipped, "\n")
	for _, s := range []string{"identity_pool.id", "admin_queries", "user_pool.capabilities"} {
		if !strings.Contains(joined, s) {
			t.Errorf("skipped list lacks %s:\n%s", s, joined)
		}
	}
}

func TestSecretValueInsteadOfReferenceIsRefused(t *testing.T) {
	c := sample()
	c.IdentityProviders[0].ClientSecret = "plain-secret-value"
	_, err := CloudFormation(c, false)
	if err == nil {
		t.Fatal("exported a literal secret")
	}
	if strings.Contains(err.Error(), "plain-secret-value") {
		t.Errorf("the error quotes the secret: %v", err)
	}
}

var hclSchema = hclBodySchema()

// TestTerraformKeepsAwkwardTextLiteral checks that text which means
// something to HCL (interpolation, template directives, quotes,
// backslashes, newlines) comes back from the parser exactly as written.
func TestTerraformKeepsAwkwardTextLiteral(t *testing.T) {
	cfg := sample()
	awkward := "Use ${var.x} and %{if y}z%{endif} with \"quotes\", a \\ backslash\nand a newline ✓"
	cfg.UserPool.Groups[0].Description = awkward
	r, err := Terraform(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclparse.NewParser().ParseHCL(r.Data, "main.tf")
	if diags.HasErrors() {
		t.Fatalf("HCL does not parse: %s", diags.Error())
	}
	content, _, _ := f.Body.PartialContent(&hclSchema)
	found := false
	for _, b := range content.Blocks {
		if b.Type != "resource" || b.Labels[0] != "aws_cognito_user_group" {
			continue
		}
		attrs, _ := b.Body.JustAttributes()
		d, ok := attrs["description"]
		if !ok {
			continue
		}
		v, diags := d.Expr.Value(nil)
		if diags.HasErrors() {
			t.Fatalf("description is not a literal: %s", diags.Error())
		}
		if v.AsString() == awkward {
			found = true
		}
	}
	if !found {
		t.Errorf("no aws_cognito_user_group carries the description verbatim:\n%s", r.Data)
	}
}

// smsPool is the sample with an SMS role and the given MFA factors.
func smsPool(factors ...string) *config.Config {
	c := sample()
	c.UserPool.SMS = &config.SMS{SNSCallerARN: "arn:aws:iam::123456789012:role/cognito-sms", ExternalID: "shop-sms"}
	c.UserPool.MFA = &config.MFA{Mode: config.MFAOptional, Factors: factors}
	return c
}

// TestTerraformRefusesImplicitSMSMFA: with an SMS role and MFA on, the
// provider turns SMS MFA on whatever the factors say, so a file with
// factors [totp] cannot be written for it; with sms among the factors it
// can, and the pool keeps its SMS role.
func TestTerraformRefusesImplicitSMSMFA(t *testing.T) {
	_, err := Terraform(smsPool(config.FactorTOTP))
	var ue *UnsupportedError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want an UnsupportedError", err)
	}
	for _, s := range []string{"terraform:", "turn SMS MFA on", "sms_configuration", "[totp]"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("the error lacks %q: %v", s, err)
		}
	}
	if !strings.Contains(ue.Hint, "add sms to user_pool.mfa.factors") {
		t.Errorf("hint = %q", ue.Hint)
	}
	// The other formats say exactly what the file says.
	if _, err := CloudFormation(smsPool(config.FactorTOTP), false); err != nil {
		t.Errorf("CloudFormation: %v", err)
	}
	r, err := Terraform(smsPool(config.FactorTOTP, config.FactorSMS))
	if err != nil {
		t.Fatalf("with the sms factor: %v", err)
	}
	for _, s := range []string{"sms_configuration {", `external_id    = "shop-sms"`, `mfa_configuration        = "OPTIONAL"`} {
		if !strings.Contains(string(r.Data), s) {
			t.Errorf("main.tf lacks %q", s)
		}
	}
	// MFA off: the provider sends no MFA settings, SMS serves verification.
	off := smsPool()
	off.UserPool.MFA.Mode = config.MFAOff
	if _, err := Terraform(off); err != nil {
		t.Errorf("MFA off with an SMS role: %v", err)
	}
}

// TestTerraformEmailMFATurnsOn: the provider sends EmailMfaConfiguration
// only for an email_mfa_configuration block with an argument, so the block
// must have one, and the export says which message it chose.
func TestTerraformEmailMFATurnsOn(t *testing.T) {
	c := sample()
	c.UserPool.MFA = &config.MFA{Mode: config.MFAOn, Factors: []string{config.FactorEmail}}
	c.UserPool.EmailSending = &config.EmailSending{Account: "DEVELOPER", SourceARN: "arn:aws:ses:eu-west-1:111122223333:identity/shop.example"}
	r, err := Terraform(c)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := hclparse.NewParser().ParseHCL(r.Data, "main.tf")
	if diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	content, _, _ := f.Body.PartialContent(&hclSchema)
	found := false
	for _, b := range content.Blocks {
		if b.Type != "resource" || b.Labels[0] != "aws_cognito_user_pool" {
			continue
		}
		inner, _, _ := b.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "email_mfa_configuration"}}})
		for _, em := range inner.Blocks {
			attrs, _ := em.Body.JustAttributes()
			if m, ok := attrs["message"]; ok {
				v, _ := m.Expr.Value(nil)
				found = v.AsString() == emailMFAMessage && strings.Contains(emailMFAMessage, "{####}")
			}
		}
	}
	if !found {
		t.Errorf("no email_mfa_configuration block with the message:\n%s", r.Data)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "email MFA message") {
		t.Errorf("notes = %v", r.Notes)
	}
}
