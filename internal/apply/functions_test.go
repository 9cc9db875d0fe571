package apply_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdklambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/functions"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// functionsFile is what the wizard's manual path writes with "Add User to
// Group" for the group members, declared under user_pool.groups.
func functionsFile() *config.Config {
	return &config.Config{
		Version: 1, ResourceName: "App",
		UserPool: config.UserPool{Name: "AppUserPool", SignIn: config.SignIn{CaseSensitive: config.Bool(false)},
			Groups:       []config.Group{{Name: "members"}},
			Capabilities: []config.Capability{{Type: config.CapAddUserToGroup, Group: "members"}}},
		AppClients: []config.AppClient{{Name: "web"}},
	}
}

// project writes cfg's function sources into a fresh project and returns
// the path of its cognito.yaml.
func project(t *testing.T, cfg *config.Config) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := functions.Generate(dir, cfg); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "cognito.yaml")
}

func noPause(context.Context, int) error { return nil }

type fnRun struct {
	plan *plan.Plan
	res  *apply.Result
	// writes are the write calls of the apply, in order.
	writes []string
}

// applyFunctions packages the sources, plans and applies cfg against w.
func applyFunctions(t *testing.T, w *fakeaws.World, file string, cfg *config.Config, lookup func(string) (string, bool)) (fnRun, error) {
	t.Helper()
	fc := &apply.FunctionClients{Lambda: w.LambdaAPI, IAM: w.IAMAPI, Pause: noPause}
	return applyWith(t, w.API, fc, w.Rec, file, cfg, lookup)
}

// applyWith is applyFunctions with the clients given: rec records them all.
func applyWith(t *testing.T, api cognito.API, fc *apply.FunctionClients, rec *awsfake.Transport, file string, cfg *config.Config, lookup func(string) (string, bool)) (fnRun, error) {
	t.Helper()
	ctx := context.Background()
	bundles, err := apply.PrepareFunctions(file, cfg)
	if err != nil {
		return fnRun{}, err
	}
	secrets, err := apply.ResolveSecrets(cfg, lookup, nil)
	if err != nil {
		return fnRun{}, err
	}
	rec.Reset()
	prep, err := apply.PrepareWith(ctx, api, apply.Sides{Functions: fc, Bundles: bundles}, cfg, lookup)
	if err != nil {
		return fnRun{}, err
	}
	if b := prep.Plan.Blocked(); len(b) > 0 {
		return fnRun{plan: prep.Plan}, fmt.Errorf("blocked: %s: %s", b[0].Path, b[0].Reason)
	}
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: prep.State, Plan: prep.Plan, RatePerSecond: -1, LookupEnv: lookup,
		Secrets: secrets, Parallel: 1, Functions: fc, FunctionState: prep.Functions, Bundles: bundles})
	var writes []string
	for _, c := range rec.Writes() {
		writes = append(writes, c.Op)
	}
	return fnRun{plan: prep.Plan, res: res, writes: writes}, err
}

func poolTriggers(t *testing.T, w *fakeaws.World, poolID string) *config.Triggers {
	t.Helper()
	cfg, err := cognito.ReadConfig(context.Background(), w.API, poolID)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.UserPool.Triggers
}

// The manual path's "Add User to Group": plan shows the role, the
// function, the permission and the trigger; apply creates them in that
// order — the function tried again while IAM makes the new role usable —
// with the least permissions; a second apply writes nothing; an edited
// source updates the code alone; a capability taken out removes all of it.
func TestFunctionsPlanApplyReapply(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	w.Lambda.RoleDelay = 1
	cfg := functionsFile()
	file := project(t, cfg)

	first, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	got := changeSet(first.plan)
	for _, want := range []string{"+ functions[post_confirmation].role", "+ functions[post_confirmation]",
		"+ functions[post_confirmation].permission", "+ user_pool.triggers.post_confirmation"} {
		if !slices.Contains(got, want) {
			t.Errorf("plan lacks %q:\n%s", want, strings.Join(got, "\n"))
		}
	}
	// Pool, client and group first; then the role (created, its policies
	// attached and put), the function (refused once while the role is
	// new), the permission, the trigger wiring, and last the record of the
	// new client by its id.
	wantWrites := []string{"CreateUserPool", "CreateUserPoolClient", "CreateGroup", "CreateRole", "AttachRolePolicy", "PutRolePolicy",
		"CreateFunction", "CreateFunction", "AddPermission", "UpdateUserPool", "UpdateUserPool"}
	if !slices.Equal(first.writes, wantWrites) {
		t.Errorf("first apply wrote\n  %v\nwant\n  %v", first.writes, wantWrites)
	}

	name := "AppPostConfirmation"
	fn, tags := w.Lambda.Configuration(name)
	if fn == nil {
		t.Fatalf("no function %s: %v", name, w.Lambda.FunctionNames())
	}
	poolID, poolARN := first.res.PoolID, first.res.PoolARN
	if string(fn.Runtime) != "nodejs22.x" || aws.ToString(fn.Handler) != "index.handler" || aws.ToInt32(fn.Timeout) != 5 ||
		fn.Environment.Variables["GROUP"] != "members" || tags[cognito.TagResourceName] != "App" || tags[functions.TagFunction] != "post_confirmation" {
		t.Errorf("function = %+v, tags %v", fn, tags)
	}
	bundles, _ := apply.PrepareFunctions(file, cfg)
	if aws.ToString(fn.CodeSha256) != bundles["post_confirmation"].CodeSHA256 {
		t.Errorf("deployed code %s, built %s", aws.ToString(fn.CodeSha256), bundles["post_confirmation"].CodeSHA256)
	}
	if tr := poolTriggers(t, w, poolID); tr.PostConfirmation != aws.ToString(fn.FunctionArn) {
		t.Errorf("post_confirmation trigger = %q, want %s", tr.PostConfirmation, aws.ToString(fn.FunctionArn))
	}
	// Only this pool, in this account, may invoke it.
	var policy []struct {
		Sid       string
		Principal map[string]string
		Action    string
		Condition map[string]map[string]string
	}
	if err := json.Unmarshal([]byte(w.Lambda.Policy(name)), &policy); err != nil || len(policy) != 1 {
		t.Fatalf("policy = %s (%v)", w.Lambda.Policy(name), err)
	}
	if st := policy[0]; st.Principal["Service"] != "cognito-idp.amazonaws.com" || st.Action != "lambda:InvokeFunction" ||
		st.Condition["ArnLike"]["AWS:SourceArn"] != poolARN || st.Condition["StringEquals"]["AWS:SourceAccount"] != "123456789012" {
		t.Errorf("statement = %+v", st)
	}
	// The role: trusted by Lambda only, logs, and the one Cognito action
	// on this pool (members is declared, so the function creates no group).
	role, err := iam.ReadRole(context.Background(), w.IAMAPI, name)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(role.TrustPolicy, `"lambda.amazonaws.com"`) || !slices.Equal(role.ManagedPolicyARNs, []string{"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}) ||
		role.InlinePolicies[functions.PoolPolicyName] != `{"Statement":[{"Action":["cognito-idp:AdminAddUserToGroup"],"Effect":"Allow","Resource":"`+poolARN+`"}],"Version":"2012-10-17"}` ||
		role.Path != "/cogwiz/App/functions/" || aws.ToString(fn.Role) != role.ARN {
		t.Errorf("role = %+v", role)
	}

	again, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if again.plan.HasChanges() || len(again.writes) != 0 {
		t.Errorf("second apply: plan %v, writes %v", changeSet(again.plan), again.writes)
	}

	// An edited module: the code alone is uploaded.
	src := filepath.Join(filepath.Dir(file), "cognito-functions", "post_confirmation", "add-user-to-group.mjs")
	f, err := os.OpenFile(src, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("// edited\n")
	f.Close()
	edited, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(edited.plan); !slices.Equal(got, []string{"~ functions[post_confirmation].code"}) || !slices.Equal(edited.writes, []string{"UpdateFunctionCode"}) {
		t.Errorf("after an edit: plan %v, writes %v", got, edited.writes)
	}

	// The capability goes: trigger, function and role with it.
	cfg.UserPool.Capabilities = nil
	gone, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(gone.plan); !slices.Equal(got, []string{"- user_pool.triggers.post_confirmation", "- functions[post_confirmation]", "- functions.roles[AppPostConfirmation]"}) {
		t.Errorf("plan without the capability: %v", got)
	}
	if len(w.Lambda.FunctionNames()) != 0 || slices.Contains(w.IAM.RoleNames(), name) || poolTriggers(t, w, poolID).PostConfirmation != "" {
		t.Errorf("left: functions %v, roles %v, trigger %q", w.Lambda.FunctionNames(), w.IAM.RoleNames(), poolTriggers(t, w, poolID).PostConfirmation)
	}
}

// A trigger given as an ARN is the user's own function, as before cogwiz
// generated any: apply wires the ARN and calls neither Lambda nor IAM.
func TestTriggerGivenAsARNIsLeftToTheUser(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := functionsFile()
	own := "arn:aws:lambda:us-east-1:123456789012:function:my-own"
	cfg.UserPool.Triggers = &config.Triggers{PostConfirmation: own}
	file := project(t, cfg)
	run, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range w.Rec.Calls() {
		if c.Service == "lambda" || strings.HasPrefix(c.Service, "query:") {
			t.Errorf("called %s %s for a trigger given as an ARN", c.Service, c.Op)
		}
	}
	if tr := poolTriggers(t, w, run.res.PoolID); tr.PostConfirmation != own {
		t.Errorf("trigger = %q, want the user's %s", tr.PostConfirmation, own)
	}
}

// A function of the name cogwiz needs that cogwiz did not make blocks the
// plan with the way out; nothing is written.
func TestSomeoneElsesFunctionBlocks(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := functionsFile()
	file := project(t, cfg)
	ctx := context.Background()
	roleARN, err := iam.CreateRole(ctx, w.IAMAPI, iam.Role{Name: "theirs-lambda", TrustPolicy: functions.TrustPolicy().JSON()})
	if err != nil {
		t.Fatal(err)
	}
	bundles, err := apply.PrepareFunctions(file, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.LambdaAPI.CreateFunction(ctx, lambdaCreate("AppPostConfirmation", roleARN, bundles["post_confirmation"].Zip)); err != nil {
		t.Fatal(err)
	}
	run, err := applyFunctions(t, w, file, cfg, env(nil))
	if err == nil || !strings.Contains(err.Error(), "functions[post_confirmation].name") {
		t.Fatalf("err = %v", err)
	}
	b := run.plan.Blocked()
	if len(b) != 1 || !strings.Contains(b[0].Reason, "set user_pool.triggers.post_confirmation to its ARN") {
		t.Errorf("blocked = %+v", b)
	}
}

// The reCAPTCHA secret reaches the function from the environment; the
// plan never holds it, shows a changed one as (sensitive), and apply
// sends it only to Lambda.
func TestFunctionSecretsStayOutOfThePlan(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := functionsFile()
	cfg.UserPool.Capabilities = []config.Capability{{Type: config.CapRecaptcha, Secret: "${env:RECAPTCHA_SECRET}"}}
	file := project(t, cfg)
	const secret = "6Lc-very-secret"
	first, err := applyFunctions(t, w, file, cfg, env(map[string]string{"RECAPTCHA_SECRET": secret}))
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := w.Lambda.Configuration("AppVerifyAuthChallengeResponse")
	if fn == nil || fn.Environment.Variables["RECAPTCHASECRET"] != secret {
		t.Fatalf("function = %+v", fn)
	}
	if len(w.Lambda.FunctionNames()) != 3 {
		t.Errorf("functions = %v, want define, create and verify", w.Lambda.FunctionNames())
	}
	again, err := applyFunctions(t, w, file, cfg, env(map[string]string{"RECAPTCHA_SECRET": secret}))
	if err != nil || again.plan.HasChanges() || len(again.writes) != 0 {
		t.Errorf("second apply: %v %v %v", err, changeSet(again.plan), again.writes)
	}
	rotated, err := applyFunctions(t, w, file, cfg, env(map[string]string{"RECAPTCHA_SECRET": "rotated"}))
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(rotated.plan); !slices.Equal(got, []string{"~ functions[verify_auth_challenge_response].environment.RECAPTCHASECRET"}) ||
		!slices.Equal(rotated.writes, []string{"UpdateFunctionConfiguration"}) {
		t.Errorf("rotated secret: plan %v, writes %v", got, rotated.writes)
	}
	for _, p := range []*plan.Plan{first.plan, rotated.plan} {
		b, _ := json.Marshal(p)
		if strings.Contains(string(b), secret) || strings.Contains(string(b), "rotated") {
			t.Errorf("the plan holds the secret: %s", b)
		}
	}
	for _, c := range w.Rec.Calls() {
		if c.Service != "lambda" && strings.Contains(string(c.Input), "rotated") {
			t.Errorf("%s %s carried the secret", c.Service, c.Op)
		}
	}
}

// A variable someone set on the function outside cogwiz (the custom auth
// scaffolding's CHALLENGEANSWER) survives apply; one cogwiz set and no
// longer needs goes.
func TestFunctionKeepsVariablesSetOutsideCogwiz(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := functionsFile()
	cfg.UserPool.Capabilities = []config.Capability{
		{Type: config.CapEmailDomainDenylist, Domains: []string{"spam.test"}},
		{Type: config.CapEmailDomainAllowlist, Domains: []string{"example.com"}},
	}
	file := project(t, cfg)
	if _, err := applyFunctions(t, w, file, cfg, env(nil)); err != nil {
		t.Fatal(err)
	}
	const name = "AppPreSignUp"
	fn, _ := w.Lambda.Configuration(name)
	vars := fn.Environment.Variables
	vars["CHALLENGEANSWER"] = "set by hand"
	if _, err := w.LambdaAPI.UpdateFunctionConfiguration(context.Background(), lambdaEnv(name, vars)); err != nil {
		t.Fatal(err)
	}
	cfg.UserPool.Capabilities = cfg.UserPool.Capabilities[:1]
	if _, err := functions.Generate(filepath.Dir(file), cfg); err != nil {
		t.Fatal(err)
	}
	run, err := applyFunctions(t, w, file, cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := changeSet(run.plan); !slices.Contains(got, "~ functions[pre_sign_up].environment.DOMAINALLOWLIST") || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "CHALLENGEANSWER") }) {
		t.Errorf("plan = %v", got)
	}
	fn, _ = w.Lambda.Configuration(name)
	if v := fn.Environment.Variables; v["CHALLENGEANSWER"] != "set by hand" || v["DOMAINDENYLIST"] != "spam.test" || len(v) != 2 {
		t.Errorf("variables = %v", v)
	}
}

// A create whose answer is lost is looked up, not sent again; an apply
// cut off after the function was made finishes on the next run.
func TestFunctionsApplyAfterLostAnswers(t *testing.T) {
	t.Parallel()
	for _, op := range []string{"CreateFunction", "AddPermission", "CreateRole"} {
		t.Run(op, func(t *testing.T) {
			t.Parallel()
			w := fakeaws.Start(t)
			cfg := functionsFile()
			file := project(t, cfg)
			w.Rec.Fault = awsfake.Once(op, 0, awsfake.LoseReply)
			if _, err := applyFunctions(t, w, file, cfg, env(nil)); err != nil {
				t.Fatalf("apply with the answer of %s lost: %v", op, err)
			}
			if n := w.Rec.Count(op); n != 1 {
				t.Errorf("%s sent %d times", op, n)
			}
			again, err := applyFunctions(t, w, file, cfg, env(nil))
			if err != nil || len(again.writes) != 0 {
				t.Errorf("then: %v, writes %v", err, again.writes)
			}
		})
	}
}

// Sources that are missing stop plan and apply before any call.
func TestMissingSourcesStopBeforeAnyCall(t *testing.T) {
	t.Parallel()
	cfg := functionsFile()
	file := project(t, cfg)
	if err := os.Remove(filepath.Join(filepath.Dir(file), "cognito-functions", "post_confirmation", "index.mjs")); err != nil {
		t.Fatal(err)
	}
	_, err := apply.PrepareFunctions(file, cfg)
	if err == nil || !strings.Contains(err.Error(), "cognito-functions/post_confirmation/index.mjs is missing: run cogwiz functions generate") {
		t.Errorf("err = %v", err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(file), "cognito-functions", "post_confirmation", "index.mjs"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(file), "cognito-functions", functions.ManifestFile), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := apply.PrepareFunctions(file, cfg); err == nil || !strings.Contains(err.Error(), "is not cogwiz's record") {
		t.Errorf("broken manifest: %v", err)
	}
}

func lambdaCreate(name, role string, zip []byte) *sdklambda.CreateFunctionInput {
	return &sdklambda.CreateFunctionInput{FunctionName: aws.String(name), Role: aws.String(role), Runtime: "nodejs22.x",
		Handler: aws.String("index.handler"), Code: &lambdatypes.FunctionCode{ZipFile: zip}}
}

func lambdaEnv(name string, vars map[string]string) *sdklambda.UpdateFunctionConfigurationInput {
	return &sdklambda.UpdateFunctionConfigurationInput{FunctionName: aws.String(name), Environment: &lambdatypes.Environment{Variables: vars}}
}
