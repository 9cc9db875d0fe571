package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	sdkiam "github.com/aws/aws-sdk-go-v2/service/iam"
	sdklambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/cogwiz/cogwiz/internal/functions"
)

// cycle returns a dependency cycle among the nodes of deps, if any: a
// template or configuration with one is refused before anything is made.
func cycle(deps map[string][]string) []string {
	state := map[string]int{} // 1 on the path, 2 done
	var path []string
	var visit func(n string) []string
	visit = func(n string) []string {
		switch state[n] {
		case 1:
			return append(slices.Clone(path[slices.Index(path, n):]), n)
		case 2:
			return nil
		}
		state[n] = 1
		path = append(path, n)
		for _, d := range deps[n] {
			if c := visit(d); c != nil {
				return c
			}
		}
		path = path[:len(path)-1]
		state[n] = 2
		return nil
	}
	for _, n := range slices.Sorted(func(yield func(string) bool) {
		for k := range deps {
			if !yield(k) {
				return
			}
		}
	}) {
		if c := visit(n); c != nil {
			return c
		}
	}
	return nil
}

// cfnDeps lists what each resource of a template refers to (Ref,
// Fn::GetAtt, DependsOn).
func cfnDeps(resources map[string]any) map[string][]string {
	deps := map[string][]string{}
	var walk func(from string, v any)
	walk = func(from string, v any) {
		switch x := v.(type) {
		case map[string]any:
			if r, ok := x["Ref"].(string); ok {
				if _, isRes := resources[r]; isRes {
					deps[from] = append(deps[from], r)
				}
			}
			if g, ok := x["Fn::GetAtt"].([]any); ok && len(g) > 0 {
				deps[from] = append(deps[from], g[0].(string))
			}
			for _, e := range x {
				walk(from, e)
			}
		case []any:
			for _, e := range x {
				walk(from, e)
			}
		}
	}
	for name, r := range resources {
		deps[name] = nil
		walk(name, r.(map[string]any)["Properties"])
		if d, ok := r.(map[string]any)["DependsOn"].([]any); ok {
			for _, e := range d {
				deps[name] = append(deps[name], e.(string))
			}
		}
	}
	return deps
}

// Every capability in CloudFormation: per function its role, the function
// (code from S3, the reCAPTCHA secret a NoEcho parameter), a policy with
// its Cognito actions on this pool, the permission for this pool and
// account, and the pool's trigger — with no dependency cycle.
func TestCloudFormationDeploysTheFunctions(t *testing.T) {
	t.Parallel()
	cfg := testdataConfig(t, "functions.yaml")
	r, err := CloudFormation(cfg, true)
	if err != nil {
		t.Fatal(err)
	}
	var tpl struct {
		Parameters map[string]map[string]any
		Resources  map[string]any
	}
	if err := json.Unmarshal(r.Data, &tpl); err != nil {
		t.Fatal(err)
	}
	if c := cycle(cfnDeps(tpl.Resources)); c != nil {
		t.Fatalf("the template has a dependency cycle: %v", c)
	}
	res := func(name string) map[string]any {
		t.Helper()
		r, ok := tpl.Resources[name].(map[string]any)
		if !ok {
			t.Fatalf("no resource %s: %v", name, slices.Sorted(func(y func(string) bool) {
				for k := range tpl.Resources {
					y(k)
				}
			}))
		}
		return r["Properties"].(map[string]any)
	}
	fns := functions.Functions(cfg)
	if len(fns) != 7 {
		t.Fatalf("%d functions, want 7 (pre sign-up shared by both domain lists)", len(fns))
	}
	lc := res("UserPool")["LambdaConfig"].(map[string]any)
	for _, f := range fns {
		id := identifier(f.Trigger)
		fn := res(id + "Function")
		if fn["FunctionName"] != f.Name || fn["Runtime"] != "nodejs22.x" || fn["Handler"] != "index.handler" {
			t.Errorf("%s: %v", id, fn)
		}
		code := fn["Code"].(map[string]any)
		if !jsonEq(code, `{"S3Bucket":{"Ref":"FunctionsCodeBucket"},"S3Key":{"Ref":"`+id+`CodeKey"}}`) {
			t.Errorf("%s code = %v", id, code)
		}
		if !jsonEq(lc[id], `{"Fn::GetAtt":["`+id+`Function","Arn"]}`) {
			t.Errorf("trigger %s = %v", id, lc[id])
		}
		perm := res(id + "Permission")
		if !jsonEq(perm, `{"Action":"lambda:InvokeFunction","FunctionName":{"Fn::GetAtt":["`+id+`Function","Arn"]},"Principal":"cognito-idp.amazonaws.com","SourceAccount":{"Ref":"AWS::AccountId"},"SourceArn":{"Fn::GetAtt":["UserPool","Arn"]}}`) {
			t.Errorf("%s permission = %v", id, perm)
		}
		role := res(id + "Role")
		if role["RoleName"] != f.Name || !strings.Contains(mustJSON(t, role["AssumeRolePolicyDocument"]), `"lambda.amazonaws.com"`) {
			t.Errorf("%s role = %v", id, role)
		}
	}
	if !jsonEq(lc["PreTokenGenerationConfig"], `{"LambdaArn":{"Fn::GetAtt":["PreTokenGenerationFunction","Arn"]},"LambdaVersion":"V2_0"}`) {
		t.Errorf("PreTokenGenerationConfig = %v", lc["PreTokenGenerationConfig"])
	}
	if p := res("PostConfirmationPolicy"); !jsonEq(p["PolicyDocument"], `{"Statement":[{"Action":["cognito-idp:AdminAddUserToGroup"],"Effect":"Allow","Resource":{"Fn::GetAtt":["UserPool","Arn"]}}],"Version":"2012-10-17"}`) {
		t.Errorf("policy = %v", p)
	}
	if _, ok := tpl.Resources["PreSignUpPolicy"]; ok {
		t.Error("a function that calls no Cognito action got a policy")
	}
	env := res("VerifyAuthChallengeResponseFunction")["Environment"]
	if !jsonEq(env, `{"Variables":{"RECAPTCHASECRET":{"Ref":"RecaptchaSecret"}}}`) || tpl.Parameters["RecaptchaSecret"]["NoEcho"] != true {
		t.Errorf("environment = %v, parameter %v", env, tpl.Parameters["RecaptchaSecret"])
	}
	if tpl.Parameters["FunctionsCodeBucket"] == nil || tpl.Parameters["PostConfirmationCodeKey"]["Default"] != "cognito-functions/post_confirmation.zip" {
		t.Errorf("parameters = %v", tpl.Parameters)
	}
	if !slices.Contains(r.Secrets, "RECAPTCHA_SECRET") {
		t.Errorf("secrets = %v", r.Secrets)
	}
}

// tfDeps lists what each block of an HCL file refers to.
func tfDeps(t *testing.T, src []byte) map[string][]string {
	t.Helper()
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	deps := map[string][]string{}
	var refs func(from string, b *hclsyntax.Body)
	refs = func(from string, b *hclsyntax.Body) {
		for _, a := range b.Attributes {
			for _, tr := range a.Expr.Variables() {
				name := tr.RootName()
				if len(tr) > 1 {
					if at, ok := tr[1].(hcl.TraverseAttr); ok {
						name += "." + at.Name
					}
				}
				if tr.RootName() == "data" && len(tr) > 2 {
					name += "." + tr[2].(hcl.TraverseAttr).Name
				}
				deps[from] = append(deps[from], name)
			}
		}
		for _, nb := range b.Blocks {
			refs(from, nb.Body)
		}
	}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		name := strings.Join(b.Labels, ".")
		if b.Type == "data" {
			name = "data." + name
		}
		if b.Type == "resource" || b.Type == "data" {
			deps[name] = nil
			refs(name, b.Body)
		}
	}
	return deps
}

// Every capability in Terraform: archive_file zips each folder, the
// function takes the zip and its hash, and nothing depends on itself.
func TestTerraformDeploysTheFunctions(t *testing.T) {
	t.Parallel()
	cfg := testdataConfig(t, "functions.yaml")
	r, err := Terraform(cfg)
	if err != nil {
		t.Fatal(err)
	}
	deps := tfDeps(t, r.Data)
	if c := cycle(deps); c != nil {
		t.Fatalf("the configuration has a dependency cycle: %v", c)
	}
	hcl := string(r.Data)
	for _, want := range []string{
		`data "archive_file" "club_post_confirmation"`,
		`source_dir  = "${path.module}/cognito-functions/post_confirmation"`,
		`source_code_hash = data.archive_file.club_post_confirmation.output_base64sha256`,
		`post_confirmation              = aws_lambda_function.club_post_confirmation.arn`,
		`source_arn     = aws_cognito_user_pool.club.arn`,
		`source_account = data.aws_caller_identity.current.account_id`,
		`"RECAPTCHASECRET" = var.recaptcha_secret`,
		`policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"`,
	} {
		if !strings.Contains(hcl, want) {
			t.Errorf("the HCL lacks %s", want)
		}
	}
	if !slices.Contains(deps["aws_iam_role_policy.club_post_confirmation"], "aws_cognito_user_pool.club") ||
		slices.Contains(deps["aws_iam_role.club_post_confirmation"], "aws_cognito_user_pool.club") {
		t.Errorf("the pool policy must follow the pool, the role must not: %v / %v",
			deps["aws_iam_role_policy.club_post_confirmation"], deps["aws_iam_role.club_post_confirmation"])
	}
}

// Every capability in the AWS CLI script: run from the project folder it
// zips each function's folder, creates the role, the function (with the
// secret from the environment, byte for byte) and then the pool pointing
// at it, and last the Cognito policy and the permission naming the pool.
func TestAWSCLIScriptDeploysTheFunctions(t *testing.T) {
	t.Parallel()
	cfg := testdataConfig(t, "functions.yaml")
	r, err := AWSCLI(cfg)
	if err != nil {
		t.Fatal(err)
	}
	project := t.TempDir()
	if _, err := functions.Generate(project, cfg); err != nil {
		t.Fatal(err)
	}
	const secret = `6Lc"se\cret$HOME` + "`x`"
	run := runScript(t, r.Data, currentSkeletons(), []string{"RECAPTCHA_SECRET=" + secret, "FUNCTIONS_DIR=" + filepath.Join(project, "cognito-functions")}, nil)
	if run.err != nil {
		t.Fatalf("script failed: %v\n%s", run.err, run.out)
	}
	// Each IAM and Lambda request is one the SDK's input type reads whole.
	inputs := map[string]func() any{
		"create-role":        func() any { return &sdkiam.CreateRoleInput{} },
		"attach-role-policy": func() any { return &sdkiam.AttachRolePolicyInput{} },
		"put-role-policy":    func() any { return &sdkiam.PutRolePolicyInput{} },
		"create-function":    func() any { return &sdklambda.CreateFunctionInput{} },
		"add-permission":     func() any { return &sdklambda.AddPermissionInput{} },
	}
	var ops []string
	for i, c := range run.calls {
		ops = append(ops, c.op)
		if in, ok := inputs[c.op]; ok {
			dec := json.NewDecoder(strings.NewReader(c.raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(in()); err != nil {
				t.Errorf("%s: %v\n%s", c.op, err, c.raw)
			}
		}
		switch c.op {
		case "create-function":
			data, err := os.ReadFile(filepath.Join(run.zips, twoDigits(i)+".zip"))
			if err != nil {
				t.Fatalf("create-function got no zip: %v", err)
			}
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil || !slices.ContainsFunc(zr.File, func(f *zip.File) bool { return f.Name == "index.mjs" }) {
				t.Errorf("%s: the zip has no index.mjs at its root (%v)", c.req["FunctionName"], err)
			}
			if c.req["FunctionName"] == "ClubVerifyAuthChallengeResponse" {
				env, _ := c.req["Environment"].(map[string]any)
				vars, _ := env["Variables"].(map[string]any)
				if vars["RECAPTCHASECRET"] != secret {
					t.Errorf("RECAPTCHASECRET = %q, want the environment's value", vars["RECAPTCHASECRET"])
				}
			}
			if !strings.HasPrefix(c.req["Role"].(string), "arn:aws:iam::123456789012:role/") {
				t.Errorf("Role = %v", c.req["Role"])
			}
		case "create-user-pool":
			lc, _ := c.req["LambdaConfig"].(map[string]any)
			if !strings.HasPrefix(lc["PostConfirmation"].(string), "arn:aws:lambda:") {
				t.Errorf("LambdaConfig = %v", lc)
			}
		case "add-permission":
			if c.req["SourceArn"] != "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_TESTPOOL" || c.req["SourceAccount"] != "123456789012" {
				t.Errorf("add-permission = %v", c.req)
			}
		case "put-role-policy":
			if !strings.Contains(c.req["PolicyDocument"].(string), `"Resource":"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_TESTPOOL"`) {
				t.Errorf("put-role-policy = %v", c.req)
			}
		}
		if c.mode != "600" {
			t.Errorf("%s: request file mode %s", c.op, c.mode)
		}
	}
	got := strings.Join(ops, " ")
	perFunction := "create-role attach-role-policy create-function "
	want := strings.Repeat(perFunction, 7) + "create-user-pool describe-user-pool " +
		"add-permission add-permission put-role-policy add-permission add-permission add-permission add-permission add-permission create-user-pool-client create-group"
	if got != want {
		t.Errorf("calls:\n  %s\nwant\n  %s", got, want)
	}
}

func twoDigits(i int) string {
	return string([]byte{byte('0' + i/10), byte('0' + i%10)})
}

func jsonEq(v any, want string) bool {
	got, _ := json.Marshal(v)
	var w any
	if json.Unmarshal([]byte(want), &w) != nil {
		return false
	}
	wb, _ := json.Marshal(w)
	return string(got) == string(wb)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
