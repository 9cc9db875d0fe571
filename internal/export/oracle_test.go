package export

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/amplify"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/docshots"
	"github.com/cogwiz/cogwiz/internal/export/oracle"
)

type namedConfig struct {
	name string
	cfg  *config.Config
}

func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := oracle.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "..", "..", "..")
}

// corpus is every configuration the repository holds that validates: the
// export samples, the kitchen sink, each YAML file under a testdata
// directory, each complete YAML block of the README, the guides and the
// recipes, and each Amplify fixture as imported.
func corpus(t *testing.T) []namedConfig {
	t.Helper()
	root := repoRoot(t)
	var out []namedConfig
	add := func(name string, data []byte) {
		doc, err := config.Parse(name, data)
		if err != nil {
			return // not a cognito.yaml (a questions file, a template, a broken fixture)
		}
		for _, is := range config.Validate(doc.Config) {
			if is.Severity == config.SeverityError {
				return // an invalid file is never exported
			}
		}
		out = append(out, namedConfig{name, doc.Config})
	}
	out = append(out, namedConfig{"export sample", sample()}, namedConfig{"hostile", hostile()})
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", ".git", "dist", "fuzz", "golden":
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if !strings.HasSuffix(path, ".yaml") || !strings.Contains(rel, "testdata") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		add(rel, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	recipes, _ := filepath.Glob(filepath.Join(root, "docs", "recipes", "*.md"))
	for _, path := range append(append([]string{filepath.Join(root, "README.md")}, docs...), recipes...) {
		md, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, path)
		for _, b := range docshots.Blocks(md) {
			if b.Lang == "yaml" && b.Marker != "partial" {
				add(rel+":"+strconv.Itoa(b.Line), []byte(b.Text))
			}
		}
	}
	fixtures, _ := filepath.Glob(filepath.Join(root, "internal", "amplify", "testdata", "*"))
	for _, dir := range fixtures {
		for _, env := range []string{"", "prod"} {
			r, err := amplify.Import(dir, amplify.Options{Env: env})
			if err != nil {
				continue
			}
			data, err := config.Marshal(r.Config)
			if err != nil {
				t.Fatal(err)
			}
			add("amplify import "+filepath.Base(dir)+" "+env, data)
		}
	}
	return out
}

// hostile is a pool whose names and values a YAML 1.1 reader takes for
// booleans, numbers and timestamps when they are not quoted, with MFA off.
func hostile() *config.Config {
	c := sample()
	c.UserPool.MFA = &config.MFA{Mode: config.MFAOff}
	c.UserPool.Groups = []config.Group{
		{Name: "on", Description: "no"},
		{Name: "Off", Precedence: config.Int(3), Description: "12:30"},
		{Name: "0o17", Description: "2001-12-14"},
	}
	c.UserPool.Tags = map[string]string{"t": "12:30", "y": "NULL", "on": "~", "017": ".inf"}
	c.AppClients[1].Name = "yes"
	return c
}

// exportsOf renders every format of cfg; Terraform may refuse a file it
// cannot express, and only with an UnsupportedError.
func exportsOf(t *testing.T, nc namedConfig) (cfnYAML, cfnJSON, tf []byte) {
	t.Helper()
	y, err := CloudFormation(nc.cfg, false)
	if err != nil {
		t.Fatalf("%s: CloudFormation: %v", nc.name, err)
	}
	j, err := CloudFormation(nc.cfg, true)
	if err != nil {
		t.Fatalf("%s: CloudFormation JSON: %v", nc.name, err)
	}
	if _, err := AWSCLI(nc.cfg); err != nil {
		t.Fatalf("%s: AWS CLI: %v", nc.name, err)
	}
	h, err := Terraform(nc.cfg)
	var ue *UnsupportedError
	switch {
	case errors.As(err, &ue):
		t.Logf("%s: terraform refused: %v", nc.name, err)
		return y.Data, j.Data, nil
	case err != nil:
		t.Fatalf("%s: Terraform: %v", nc.name, err)
	}
	return y.Data, j.Data, h.Data
}

// TestExportsPassTheOracles exports every configuration of the repository
// in every format and checks the CloudFormation templates (YAML read with
// YAML 1.1 rules, and JSON) against AWS's resource specification and the
// Terraform HCL against the hashicorp/aws provider schema: 0 problems.
func TestExportsPassTheOracles(t *testing.T) {
	t.Setenv("GOOGLE_CLIENT_SECRET", secretValue)
	cs := corpus(t)
	if len(cs) < 15 {
		t.Fatalf("only %d configurations found in the repository; the walk is broken", len(cs))
	}
	// The files written for the exports (the kitchen sink, a reference in
	// every key that takes one, ...) are checked, not left out because a
	// newer rule refuses them.
	samples, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, path := range samples {
		if !slices.ContainsFunc(cs, func(nc namedConfig) bool { return nc.name == filepath.Join("internal", "export", path) }) {
			t.Errorf("%s is not among the configurations: it no longer validates (cogwiz validate -f %s)", path, path)
		}
	}
	type rendered struct {
		name           string
		yaml, json, tf []byte
	}
	var all []rendered
	req := oracle.Request{}
	cfnTypes, tfTypes := map[string]bool{}, map[string]bool{}
	for _, nc := range cs {
		y, j, h := exportsOf(t, nc)
		all = append(all, rendered{nc.name, y, j, h})
		req.YAML = append(req.YAML, string(y))
		jn, err := oracle.FromJSON(j)
		if err != nil {
			t.Fatalf("%s: the JSON template does not parse: %v", nc.name, err)
		}
		for _, ty := range oracle.CloudFormationTypes(jn) {
			cfnTypes[ty] = true
		}
		if h != nil {
			types, err := oracle.TerraformTypes(h, nc.name)
			if err != nil {
				t.Fatalf("%s: the HCL does not parse: %v", nc.name, err)
			}
			for _, ty := range types {
				tfTypes[ty] = true
			}
		}
	}
	for ty := range cfnTypes {
		req.CFN = append(req.CFN, ty)
	}
	for ty := range tfTypes {
		req.TF = append(req.TF, ty)
	}
	a := oracle.Ask(t, req)
	problems, checked := 0, 0
	for i, r := range all {
		if e := a.YAML[i].Error; e != "" {
			t.Errorf("%s: the YAML template does not parse as YAML 1.1: %s", r.name, e)
			continue
		}
		jn, _ := oracle.FromJSON(r.json)
		for _, c := range []struct {
			format string
			ps     []oracle.Problem
		}{
			{"cloudformation.yaml", oracle.CheckCloudFormation(a.YAML[i].Doc, a.CFN)},
			{"cloudformation.json", oracle.CheckCloudFormation(jn, a.CFN)},
		} {
			checked++
			for _, p := range c.ps {
				problems++
				t.Errorf("%s: %s: %s", r.name, c.format, p)
			}
		}
		if r.tf != nil {
			checked++
			for _, p := range oracle.CheckTerraform(r.tf, "main.tf", a.TF) {
				problems++
				t.Errorf("%s: main.tf: %s", r.name, p)
			}
		}
	}
	t.Logf("%d configurations, %d exports checked, %d problems; CloudFormation types %v; Terraform types %v",
		len(cs), checked, problems, req.CFN, req.TF)
}

// TestOraclesCatchMutations spoils the sample's exports one way at a time
// (an unknown property, a wrong type, a missing required argument, a
// reference to nothing) and checks that the checkers report each one,
// while the unspoiled exports pass.
func TestOraclesCatchMutations(t *testing.T) {
	t.Setenv("GOOGLE_CLIENT_SECRET", secretValue)
	cfg := sample()
	cfg.UserPool.SMS = &config.SMS{SNSCallerARN: config.SecretRef("SNS_CALLER_ARN"), ExternalID: "shop-sms"}
	cfg.UserPool.MFA.Factors = []string{config.FactorTOTP, config.FactorSMS}
	y, _, h := exportsOf(t, namedConfig{"sample", cfg})
	cfn, tf := string(y), string(h)
	replace := func(t *testing.T, s, old, new string) string {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("the export lacks %q", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	cfnCases := []struct{ name, old, new, want string }{
		{"unknown property", "      GroupName: Admins\n", "      GroupName: Admins\n      GroupNam: Admins\n", "GroupNam: not a property"},
		{"wrong type", "      Precedence: 1\n", "      Precedence: \"1\"\n", "Precedence: want integer, read str"},
		{"YAML 1.1 boolean", "      MfaConfiguration: OPTIONAL\n", "      MfaConfiguration: OFF\n", "MfaConfiguration: want string, read bool"},
		{"YAML 1.1 sexagesimal", "      Description: Shop staff\n", "      Description: 12:30\n", "Description: want string, read int"},
		{"YAML 1.1 key", "        team: shop\n", "        on: shop\n", `key "on" reads as bool`},
		{"missing required", "      GroupName: Admins\n      UserPoolId:\n        Ref: UserPool\n", "      GroupName: Admins\n", "required property UserPoolId is missing"},
		{"list for a scalar", "      Precedence: 1\n", "      Precedence:\n        - 1\n", "Precedence: want integer, read seq"},
		{"Ref to nothing", "        Ref: GoogleClientSecret\n", "        Ref: GoogleSecret\n", `Ref "GoogleSecret" names no`},
		{"Ref to no value parameter", "          Ref: SnsCallerArn\n", "          Ref: SnsCallerRole\n", `Ref "SnsCallerRole" names no`},
		{"GetAtt of no attribute", "        - Arn\n", "        - ARN\n", `has no attribute "ARN"`},
		{"Sub of nothing", "${UserPool}", "${UserPol}", "Fn::Sub ${UserPol}"},
		{"DependsOn nothing", "      - IdentityProviderGoogle\n", "      - IdentityProviderGoogl\n", "is not another resource"},
		{"unknown type", "Type: AWS::Cognito::UserPoolGroup\n", "Type: AWS::Cognito::UserGroup\n", "not a resource type of the CloudFormation specification"},
	}
	tfCases := []struct{ name, old, new, want string }{
		{"unknown argument", "  precedence   = 1\n", "  precedence   = 1\n  priority     = 1\n", "unknown argument priority"},
		{"wrong type", "  precedence   = 1\n", "  precedence   = \"ten\"\n", "precedence wants number"},
		{"list for a string", "  description  = \"Shop staff\"\n", "  description  = [\"Shop staff\"]\n", "description wants string"},
		{"missing required", "  name         = \"Admins\"\n", "", "required argument name is missing"},
		{"missing required nested", "    external_id    = \"shop-sms\"\n", "", "required argument external_id is missing"},
		{"one block twice", "  username_configuration {\n", "  username_configuration {\n    case_sensitive = false\n  }\n  username_configuration {\n", "at most one username_configuration block"},
		{"unknown block", "  username_configuration {\n", "  username_config {\n  }\n  username_configuration {\n", "unknown block username_config"},
		{"argument as block", "  username_configuration {\n", "  tags {\n  }\n  username_configuration {\n", "tags is an argument"},
		{"block as argument", "  user_pool_tier", "  sms_configuration = {}\n  user_pool_tier", "sms_configuration is a block"},
		{"reference to nothing", "user_pool_id = aws_cognito_user_pool.shop_auth.id\n  description", "user_pool_id = aws_cognito_user_pool.shop.id\n  description", "names no declared resource"},
		{"attribute a resource lacks", "value = aws_cognito_user_pool.shop_auth.id", "value = aws_cognito_user_pool.shop_auth.pool_id", "has no attribute pool_id"},
		{"undeclared variable", "var.google_client_secret", "var.google_secret", "names nothing declared"},
		{"undeclared value variable", "= var.sns_caller_arn", "= var.sns_caller_role", "names nothing declared"},
		{"unknown type", "resource \"aws_cognito_user_group\" \"admins\"", "resource \"aws_cognito_user_groups\" \"admins\"", "not a type of the provider schema"},
	}
	cfnTypes := []string{"AWS::Cognito::UserPool", "AWS::Cognito::UserPoolIdentityProvider", "AWS::Cognito::UserPoolResourceServer",
		"AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain", "AWS::Cognito::UserPoolGroup", "AWS::Cognito::UserGroup"}
	tfTypes, err := oracle.TerraformTypes(h, "main.tf")
	if err != nil {
		t.Fatal(err)
	}
	req := oracle.Request{YAML: []string{cfn}, CFN: cfnTypes, TF: append(tfTypes, "aws_cognito_user_groups")}
	for _, c := range cfnCases {
		req.YAML = append(req.YAML, replace(t, cfn, c.old, c.new))
	}
	a := oracle.Ask(t, req)
	if ps := oracle.CheckCloudFormation(a.YAML[0].Doc, a.CFN); len(ps) > 0 {
		t.Fatalf("the unspoiled template has problems: %v", ps)
	}
	if ps := oracle.CheckTerraform(h, "main.tf", a.TF); len(ps) > 0 {
		t.Fatalf("the unspoiled HCL has problems: %v", ps)
	}
	caught := 0
	for i, c := range cfnCases {
		ps := oracle.CheckCloudFormation(a.YAML[i+1].Doc, a.CFN)
		if !containsProblem(ps, c.want) {
			t.Errorf("cloudformation %s: want a problem with %q, got %v", c.name, c.want, ps)
			continue
		}
		caught++
	}
	for _, c := range tfCases {
		ps := oracle.CheckTerraform([]byte(replace(t, tf, c.old, c.new)), "main.tf", a.TF)
		if !containsProblem(ps, c.want) {
			t.Errorf("terraform %s: want a problem with %q, got %v", c.name, c.want, ps)
			continue
		}
		caught++
	}
	t.Logf("%d of %d mutations caught", caught, len(cfnCases)+len(tfCases))
}

func containsProblem(ps []oracle.Problem, want string) bool {
	for _, p := range ps {
		if strings.Contains(p.String(), want) {
			return true
		}
	}
	return false
}

// TestCloudFormationYAML11RoundTrip: a group named on, a tag t: "12:30"
// and MFA OFF come back from a YAML 1.1 parser as those exact strings.
func TestCloudFormationYAML11RoundTrip(t *testing.T) {
	t.Setenv("GOOGLE_CLIENT_SECRET", secretValue)
	cfg := sample()
	cfg.UserPool.MFA = &config.MFA{Mode: config.MFAOff}
	cfg.UserPool.Groups = []config.Group{{Name: "on", Description: "no"}}
	cfg.UserPool.Tags = map[string]string{"t": "12:30"}
	r, err := CloudFormation(cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	a := oracle.Ask(t, oracle.Request{YAML: []string{string(r.Data)}})
	if a.YAML[0].Error != "" {
		t.Fatal(a.YAML[0].Error)
	}
	res := a.YAML[0].Doc.Get("Resources")
	for _, c := range []struct {
		what string
		n    *oracle.Node
		want string
	}{
		{"MfaConfiguration", res.Get("UserPool").Get("Properties").Get("MfaConfiguration"), "OFF"},
		{"tag t", res.Get("UserPool").Get("Properties").Get("UserPoolTags").Get("t"), "12:30"},
		{"group name", res.Get("GroupOn").Get("Properties").Get("GroupName"), "on"},
		{"group description", res.Get("GroupOn").Get("Properties").Get("Description"), "no"},
	} {
		if c.n == nil || c.n.Tag != "str" || c.n.Val != c.want {
			t.Errorf("%s reads back as %+v, want the string %q", c.what, c.n, c.want)
		}
	}
}
