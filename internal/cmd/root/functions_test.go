package root

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// The whole way a newcomer goes: init on the manual path with "Add User
// to Group" (group members) writes the function's source; plan shows its
// role, the function, the permission and the trigger; apply against
// cognito-local and the fake creates them; a second apply writes nothing;
// destroy removes them.
func TestInitPlanApplyDeploysTheAddToGroupFunction(t *testing.T) {
	t.Parallel()
	srv := emulator.Start(t)
	api, cognitoRec := cognitofake.Connect(t, srv.Options())
	lw := fakeaws.StartFunctions(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "cognito.yaml")
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("mode: manual\noauth: no\ncapabilities: [add_user_to_group]\nadd_to_group_name: members\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string) {
		t.Helper()
		ios, _, out, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Version: "test",
			Cognito: func(context.Context) (cognito.API, error) { return api, nil },
			Lambda:  func(context.Context) (lambda.API, error) { return lw.LambdaAPI, nil },
			IAM:     func(context.Context) (iam.API, error) { return lw.IAMAPI, nil },
		}
		if code := Run(context.Background(), f, append(args, "-f", file)); code != 0 {
			t.Fatalf("cogwiz %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
		}
		return out.String(), errOut.String()
	}

	run("init", "--answers", answers)
	if _, err := os.Stat(filepath.Join(dir, "cognito-functions", "post_confirmation", "add-user-to-group.mjs")); err != nil {
		t.Fatal(err)
	}
	planOut, _ := run("plan")
	for _, want := range []string{"+ functions[post_confirmation].role", "+ functions[post_confirmation]\n",
		"+ functions[post_confirmation].permission", "+ user_pool.triggers.post_confirmation: (none) → (known after apply)"} {
		if !strings.Contains(planOut, want) {
			t.Errorf("plan lacks %q:\n%s", want, planOut)
		}
	}
	if len(lw.Rec.Writes()) != 0 || len(cognitoRec.Writes()) != 0 {
		t.Errorf("plan wrote: %v %v", lw.Rec.Writes(), cognitoRec.Writes())
	}

	_, applyErr := run("apply", "--auto-approve")
	if !strings.Contains(applyErr, "Apply complete") {
		t.Errorf("apply said:\n%s", applyErr)
	}
	first := len(lw.Rec.Writes()) + len(cognitoRec.Writes())
	if got := lw.Lambda.FunctionNames(); len(got) != 1 {
		t.Fatalf("functions after apply: %v", got)
	}
	name := lw.Lambda.FunctionNames()[0]
	fn, _ := lw.Lambda.Configuration(name)
	if fn.Environment.Variables["GROUP"] != "members" || !strings.Contains(lw.Lambda.Policy(name), `"AWS:SourceArn":"arn:aws:cognito-idp:local:local:userpool/`) {
		t.Errorf("function %+v, policy %s", fn, lw.Lambda.Policy(name))
	}
	cfg, err := cognito.ReadConfig(context.Background(), api, poolID(t, api))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.UserPool.Triggers.PostConfirmation; got != *fn.FunctionArn {
		t.Errorf("cognito-local's post_confirmation = %q, want %s", got, *fn.FunctionArn)
	}

	lw.Rec.Reset()
	cognitoRec.Reset()
	_, again := run("apply", "--auto-approve")
	if w := append(lw.Rec.Writes(), cognitoRec.Writes()...); len(w) != 0 {
		t.Errorf("second apply wrote %d calls: %v\n%s", len(w), w, again)
	}
	t.Logf("write calls: first apply %d, second apply 0", first)

	// destroy takes the function and its role along with the pool.
	destroyOut, _ := run("destroy", "--auto-approve")
	if !strings.Contains(destroyOut, "  - trigger function "+name+" (post_confirmation)") {
		t.Errorf("destroy did not list the function:\n%s", destroyOut)
	}
	if len(lw.Lambda.FunctionNames()) != 0 || len(lw.IAM.RoleNames()) != 0 {
		t.Errorf("left after destroy: functions %v, roles %v", lw.Lambda.FunctionNames(), lw.IAM.RoleNames())
	}
}

func poolID(t *testing.T, api cognito.API) string {
	t.Helper()
	out, err := api.ListUserPools(context.Background(), &cip.ListUserPoolsInput{MaxResults: aws.Int32(10)})
	if err != nil || len(out.UserPools) != 1 {
		t.Fatalf("pools = %v (%v)", out, err)
	}
	return aws.ToString(out.UserPools[0].Id)
}
