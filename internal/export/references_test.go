package export

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
)

// references are the environment variables cfg refers to, as apply reads
// them: the secrets (apply.SecretRefs) and the other values
// (config.ValueRefs), each by the config path that names it.
func references(t *testing.T, cfg *config.Config) (secrets, values map[string]string) {
	t.Helper()
	secrets, values = map[string]string{}, map[string]string{}
	for path, ref := range apply.SecretRefs(cfg) {
		name, ok := config.SecretRefName(ref)
		if !ok {
			t.Fatalf("%s: %q is no reference", path, ref)
		}
		secrets[path] = name
	}
	for _, r := range config.ValueRefs(cfg) {
		if name, ok := config.SecretRefName(*r.Value); ok {
			values[r.Path] = name
		}
	}
	return secrets, values
}

func namesOf(refs map[string]string) []string {
	var out []string
	for _, n := range refs {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// The test file holds a reference wherever one may stand: every key of
// config.ValueRefs that it sets, and every kind of secret.
func TestEnvReferencesFileCoversEveryKey(t *testing.T) {
	cfg := testdataConfig(t, "env-references.yaml")
	kinds := map[string]bool{}
	for _, r := range config.ValueRefs(cfg) {
		if *r.Value != "" && !config.IsSecretRef(*r.Value) {
			t.Errorf("%s is %q, not a reference", r.Path, *r.Value)
		}
		if *r.Value != "" {
			kinds[r.Path[strings.LastIndex(r.Path, ".")+1:]] = true
		}
	}
	secrets, _ := references(t, cfg)
	for path := range secrets {
		kinds[path[strings.LastIndex(path, ".")+1:]] = true
	}
	for _, k := range []string{"client_id", "team_id", "key_id", "sns_caller_arn", "client_secret", "private_key", "secret"} {
		if !kinds[k] {
			t.Errorf("env-references.yaml sets no reference in a %s", k)
		}
	}
}

// TestReferencesBecomeParameters: each secret is a NoEcho parameter, a
// sensitive variable or an environment variable the script checks; each
// other value is a plain parameter, a variable that is not sensitive or
// an environment variable too; each is used where the file refers to it.
func TestReferencesBecomeParameters(t *testing.T) {
	cfg := testdataConfig(t, "env-references.yaml")
	secrets, values := references(t, cfg)
	secretNames, valueNames := namesOf(secrets), namesOf(values)
	if len(secretNames) < 4 || len(valueNames) < 6 {
		t.Fatalf("secrets %v, values %v: the file lost its references", secretNames, valueNames)
	}
	before, err := config.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]*Result{}
	if results["cloudformation"], err = CloudFormation(cfg, true); err != nil {
		t.Fatal(err)
	}
	if results["terraform"], err = Terraform(cfg); err != nil {
		t.Fatal(err)
	}
	if results["aws-cli"], err = AWSCLI(cfg); err != nil {
		t.Fatal(err)
	}
	for format, r := range results {
		if !slices.Equal(r.Secrets, secretNames) || !slices.Equal(r.Values, valueNames) {
			t.Errorf("%s: Secrets %v Values %v, want %v and %v", format, r.Secrets, r.Values, secretNames, valueNames)
		}
		if strings.Contains(string(r.Data), "${env:") {
			t.Errorf("%s holds a reference as text", format)
		}
	}
	if after, _ := config.Marshal(cfg); string(after) != string(before) {
		t.Errorf("exporting changed the configuration:\n%s", after)
	}

	t.Run("cloudformation", func(t *testing.T) {
		var tpl struct {
			Parameters map[string]map[string]any
			Resources  map[string]any
		}
		if err := json.Unmarshal(results["cloudformation"].Data, &tpl); err != nil {
			t.Fatal(err)
		}
		used := map[string]int{}
		var walk func(any)
		walk = func(v any) {
			switch x := v.(type) {
			case map[string]any:
				if r, ok := x["Ref"].(string); ok && len(x) == 1 {
					used[r]++
				}
				for _, e := range x {
					walk(e)
				}
			case []any:
				for _, e := range x {
					walk(e)
				}
			}
		}
		walk(tpl.Resources)
		for _, name := range append(slices.Clone(secretNames), valueNames...) {
			p, ok := tpl.Parameters[cfnParam(name)]
			noEcho, _ := p["NoEcho"].(bool)
			switch {
			case !ok:
				t.Errorf("no parameter %s for %s", cfnParam(name), name)
			case noEcho != slices.Contains(secretNames, name):
				t.Errorf("parameter %s of %s: NoEcho = %v", cfnParam(name), name, noEcho)
			}
			if used[cfnParam(name)] == 0 {
				t.Errorf("no resource refers to the parameter %s", cfnParam(name))
			}
		}
		props := tpl.Resources["UserPool"].(map[string]any)["Properties"].(map[string]any)
		if got := props["SmsConfiguration"].(map[string]any)["SnsCallerArn"]; !isRef(got, "SnsCallerArn") {
			t.Errorf("SnsCallerArn = %v", got)
		}
	})

	t.Run("terraform", func(t *testing.T) {
		file, diags := hclparse.NewParser().ParseHCL(results["terraform"].Data, "main.tf")
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		body := file.Body.(*hclsyntax.Body)
		declared := map[string]bool{}
		for _, b := range body.Blocks {
			if b.Type != "variable" {
				continue
			}
			attrs, _ := b.Body.JustAttributes()
			sensitive := false
			if a, ok := attrs["sensitive"]; ok {
				v, _ := a.Expr.Value(nil)
				sensitive = v.True()
			}
			declared[b.Labels[0]] = sensitive
		}
		used := map[string]int{}
		hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			if e, ok := n.(*hclsyntax.ScopeTraversalExpr); ok && e.Traversal.RootName() == "var" {
				used[e.Traversal[1].(hcl.TraverseAttr).Name]++
			}
			return nil
		})
		for _, name := range append(slices.Clone(secretNames), valueNames...) {
			v := TerraformVariable(name)
			sensitive, ok := declared[v]
			switch {
			case !ok:
				t.Errorf("no variable %s for %s", v, name)
			case sensitive != slices.Contains(secretNames, name):
				t.Errorf("variable %s: sensitive = %v", v, sensitive)
			}
			if used[v] == 0 {
				t.Errorf("nothing refers to var.%s", v)
			}
		}
		if !strings.Contains(string(results["terraform"].Data), "sns_caller_arn = var.sns_caller_arn\n") {
			t.Error("sms_configuration does not take var.sns_caller_arn")
		}
	})

	t.Run("aws-cli", func(t *testing.T) {
		project := t.TempDir()
		if _, err := functions.Generate(project, cfg); err != nil {
			t.Fatal(err)
		}
		env := []string{"FUNCTIONS_DIR=" + filepath.Join(project, "cognito-functions")}
		want := map[string]string{}
		for _, name := range append(slices.Clone(secretNames), valueNames...) {
			want[name] = name + `-v"a\l$HOME` + "`x`"
			env = append(env, name+"="+want[name])
		}
		run := runScript(t, results["aws-cli"].Data, currentSkeletons(), env, nil)
		if run.err != nil {
			t.Fatalf("script failed: %v\n%s", run.err, run.out)
		}
		got := map[string]string{}
		for _, c := range run.calls {
			switch c.op {
			case "create-user-pool":
				got["user_pool.sms.sns_caller_arn"] = c.req["SmsConfiguration"].(map[string]any)["SnsCallerArn"].(string)
			case "create-identity-provider":
				base := "identity_providers[" + c.req["ProviderName"].(string) + "]."
				for k, v := range c.req["ProviderDetails"].(map[string]any) {
					got[base+k] = v.(string)
				}
			}
		}
		for _, refs := range []map[string]string{secrets, values} {
			for path, name := range refs {
				if strings.HasPrefix(path, "user_pool.capabilities") {
					continue // checked with the functions
				}
				if got[path] != want[name] {
					t.Errorf("%s reached the CLI as %q, want the value of %s", path, got[path], name)
				}
			}
		}

		// Each variable missing stops the script before the first call,
		// saying which.
		for _, name := range append(slices.Clone(secretNames), valueNames...) {
			run := runScript(t, results["aws-cli"].Data, currentSkeletons(), append(slices.Clone(env), name+"="), nil)
			if run.err == nil || len(run.calls) > 0 || !strings.Contains(run.out, name+": set "+name+" first") {
				t.Errorf("without %s: err %v, %d calls, output:\n%s", name, run.err, len(run.calls), run.out)
			}
		}
	})
}

func isRef(v any, param string) bool {
	m, ok := v.(map[string]any)
	return ok && len(m) == 1 && m["Ref"] == param
}

// TestNoExportHoldsAReference: no export of any configuration of the
// repository carries a ${env:NAME} reference as text.
func TestNoExportHoldsAReference(t *testing.T) {
	for _, nc := range corpus(t) {
		for format, render := range map[string]func(*config.Config) (*Result, error){
			"cloudformation.yaml": func(c *config.Config) (*Result, error) { return CloudFormation(c, false) },
			"cloudformation.json": func(c *config.Config) (*Result, error) { return CloudFormation(c, true) },
			"main.tf":             Terraform,
			"create-pool.sh":      AWSCLI,
		} {
			r, err := render(nc.cfg)
			if err != nil {
				continue // Terraform refuses what it cannot express; TestExportsPassTheOracles checks the rest
			}
			if i := strings.Index(string(r.Data), "${env:"); i >= 0 {
				t.Errorf("%s: %s holds a reference: %q", nc.name, format, string(r.Data[i:min(len(r.Data), i+40)]))
			}
		}
	}
}

// Two variables that would become one parameter or variable, or a
// parameter named like a resource, stop every export with both names.
func TestReferencesThatWouldCollideAreRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		a, b string // the client id's and the client secret's variables
		want string
	}{
		"same parameter": {"GOOGLE__CLIENT", "GOOGLE_CLIENT", "both become the CloudFormation parameter GoogleClient"},
		"differ in case": {"Google_Client", "GOOGLE_CLIENT", "both become the CloudFormation parameter GoogleClient"},
		"a resource":     {"USER_POOL", "GOOGLE_SECRET", "the CloudFormation parameter UserPool, the name of a resource too"},
	} {
		cfg := testdataConfig(t, "env-references.yaml")
		p := &cfg.IdentityProviders[0]
		p.ClientID, p.ClientSecret = config.SecretRef(tc.a), config.SecretRef(tc.b)
		for format, export := range map[string]func(*config.Config) (*Result, error){
			"cloudformation": func(c *config.Config) (*Result, error) { return CloudFormation(c, false) },
			"terraform":      Terraform,
			"aws-cli":        AWSCLI,
		} {
			_, err := export(cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s, %s: err = %v, want it to say %q", name, format, err, tc.want)
			}
		}
	}
	// Different names that stay apart pass.
	cfg := testdataConfig(t, "env-references.yaml")
	if _, err := CloudFormation(cfg, false); err != nil {
		t.Errorf("the file's own references: %v", err)
	}
}
