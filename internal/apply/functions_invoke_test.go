package apply_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/lambda/lambdafake"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/repodir"
)

// jsenv is where the AWS SDK for JavaScript v3 is installed for the
// generated functions (the Lambda runtime has it built in), and the
// runner that calls a handler as Lambda does.
func jsenv(t *testing.T) (node, dir string) {
	t.Helper()
	dir = repodir.NodePackages(t, "internal/functions/jsenv")
	node, err := exec.LookPath("node") // found: NodePackages checked
	if err != nil {
		t.Fatal(err)
	}
	return node, dir
}

// nodeLambda runs a function the fake holds as Lambda would: its zip
// unpacked, its handler imported by node with the function's environment,
// the AWS SDK pointed at cognito (the emulator).
func nodeLambda(t *testing.T, node, js string, cognitoEndpoint *string) func(lambdafake.Invocation) ([]byte, bool, error) {
	return func(inv lambdafake.Invocation) ([]byte, bool, error) {
		dir, err := os.MkdirTemp("", "lambda-")
		if err != nil {
			return nil, false, err
		}
		defer os.RemoveAll(dir)
		zr, err := zip.NewReader(bytes.NewReader(inv.Zip), int64(len(inv.Zip)))
		if err != nil {
			return nil, false, err
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				return nil, false, err
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, false, err
			}
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return nil, false, err
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return nil, false, err
			}
		}
		if err := os.Symlink(filepath.Join(js, "node_modules"), filepath.Join(dir, "node_modules")); err != nil {
			return nil, false, err
		}
		module, _, _ := strings.Cut(inv.Handler, ".")
		in, _ := json.Marshal([]map[string]any{{"handler": filepath.Join(dir, module+".mjs"), "env": inv.Env, "event": json.RawMessage(inv.Payload)}})
		cmd := exec.Command(node, filepath.Join(js, "invoke.mjs"))
		cmd.Env = append(os.Environ(), "AWS_REGION="+emulator.Region, "AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local",
			"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER="+*cognitoEndpoint)
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			return nil, false, fmt.Errorf("node: %w", err)
		}
		var outcomes []struct {
			Result    json.RawMessage `json:"result"`
			Error     string          `json:"error"`
			ErrorName string          `json:"errorName"`
		}
		if err := json.Unmarshal(out, &outcomes); err != nil || len(outcomes) != 1 {
			return nil, false, fmt.Errorf("node answered %s (%v)", out, err)
		}
		if o := outcomes[0]; o.Error != "" {
			// What Lambda answers for a function that threw.
			// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
			b, _ := json.Marshal(map[string]string{"errorType": o.ErrorName, "errorMessage": o.Error})
			return b, true, nil
		}
		return outcomes[0].Result, false, nil
	}
}

// The deployed function works end to end: cogwiz deploys it into the
// fake, cognito-local calls its Lambda endpoint (the fake) when a user
// confirms the sign-up, the fake runs the function's zip under node, and
// the function — through the AWS SDK for JavaScript — puts the user into
// the group on cognito-local.
func TestTheDeployedFunctionPutsAConfirmedUserIntoTheGroup(t *testing.T) {
	t.Parallel()
	node, js := jsenv(t)
	fw := fakeaws.StartFunctions(t)
	lf := fw.Lambda
	var cognitoEndpoint string
	var calls atomic.Int32
	run := nodeLambda(t, node, js, &cognitoEndpoint)
	lf.Invoke = func(inv lambdafake.Invocation) ([]byte, bool, error) {
		calls.Add(1)
		return run(inv)
	}

	cfg := functionsFile()
	const fn = "AppPostConfirmation"
	// cognito-local calls the functions its configuration names, on the
	// Lambda endpoint it names.
	srv := emulator.StartWith(t, func(db string) error {
		p := filepath.Join(filepath.Dir(db), "config.json")
		var c map[string]any
		data, err := os.ReadFile(p)
		if err == nil {
			err = json.Unmarshal(data, &c)
		}
		if err != nil {
			return err
		}
		c["TriggerFunctions"] = map[string]string{"PostConfirmation": fn}
		c["LambdaClient"] = map[string]any{"endpoint": fw.URL, "region": "us-east-1",
			"credentials": map[string]string{"accessKeyId": "local", "secretAccessKey": "local"}}
		data, _ = json.Marshal(c)
		return os.WriteFile(p, data, 0o644)
	})
	cognitoEndpoint = srv.Endpoint
	api := srv.Client(t)

	fc := &apply.FunctionClients{Lambda: fw.LambdaAPI, IAM: fw.IAMAPI, Pause: noPause}
	applied, err := applyWith(t, api, fc, fw.Rec, project(t, cfg), cfg, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if names := lf.FunctionNames(); !slices.Equal(names, []string{fn}) {
		t.Fatalf("functions = %v", names)
	}

	ctx := context.Background()
	out, err := api.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(applied.res.PoolID), MaxResults: aws.Int32(10)})
	if err != nil || len(out.UserPoolClients) != 1 {
		t.Fatalf("clients: %v %v", out, err)
	}
	client := out.UserPoolClients[0].ClientId
	if _, err := api.SignUp(ctx, &cip.SignUpInput{ClientId: client, Username: aws.String("alice"), Password: aws.String("Passw0rd!long")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{ClientId: client, Username: aws.String("alice"), ConfirmationCode: aws.String(emulator.Code)}); err != nil {
		t.Fatalf("confirm: %v\n%s", err, srv.Log())
	}
	groups, err := api.AdminListGroupsForUser(ctx, &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(applied.res.PoolID), Username: aws.String("alice")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range groups.Groups {
		names = append(names, aws.ToString(g.GroupName))
	}
	if !slices.Equal(names, []string{"members"}) || calls.Load() != 1 {
		t.Errorf("after confirming, %d call(s) of the function and alice is in %v, want 1 and [members]\n%s", calls.Load(), names, srv.Log())
	}
}
