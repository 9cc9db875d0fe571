package functions

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

// The generated handlers run for real: node imports each trigger's
// index.mjs, as Lambda does, and calls it with events shaped as Cognito
// documents them. jsenv/invoke.mjs runs a batch of cases in one process.

// nodeCase is one handler call.
type nodeCase struct {
	name    string
	Handler string            `json:"handler"`
	Env     map[string]string `json:"env,omitempty"`
	Event   map[string]any    `json:"event"`
	Fetch   *fetchReply       `json:"fetch,omitempty"`
}

// fetchReply is what every fetch() the handler makes receives.
type fetchReply struct {
	Status int `json:"status"`
	Body   any `json:"body"`
}

// outcome is what the handler returned or threw.
type outcome struct {
	Result    map[string]any `json:"result"`
	Error     string         `json:"error"`
	ErrorName string         `json:"errorName"`
	Logs      []string       `json:"logs"`
	Requests  []struct {
		URL    string `json:"url"`
		Method string `json:"method"`
		Body   string `json:"body"`
	} `json:"requests"`
}

// needNode finds node; without it the test skips locally and fails under CI.
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node is needed to run the generated functions: %v", err)
		}
		t.Skip("node not found on PATH; install Node.js 20 or later to run the generated functions")
	}
	return node
}

// runNode runs the cases in one node process with env added to the test's
// environment, and returns the outcomes in order.
func runNode(t *testing.T, env []string, cases []nodeCase) []outcome {
	t.Helper()
	node := needNode(t)
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("jsenv", "invoke.mjs"))
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var outcomes []outcome
	if err := json.Unmarshal(out, &outcomes); err != nil || len(outcomes) != len(cases) {
		t.Fatalf("node printed %d outcomes for %d cases (%v):\n%s\n%s", len(outcomes), len(cases), err, out, stderr.String())
	}
	return outcomes
}

// cognitoEvent is an event with the parameters Cognito sends every trigger
// (version, triggerSource, region, userPoolId, userName, callerContext,
// request, response).
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html#cognito-user-pools-lambda-trigger-syntax-shared
func cognitoEvent(triggerSource string, request map[string]any) map[string]any {
	return map[string]any{
		"version":       "1",
		"triggerSource": triggerSource,
		"region":        "us-east-1",
		"userPoolId":    "us-east-1_AbCdEf123",
		"userName":      "5f8a9c2e-7b1d-4e3f-9a6b-0c1d2e3f4a5b",
		"callerContext": map[string]any{"awsSdkVersion": "aws-sdk-js-3.0.0", "clientId": "1example23456789"},
		"request":       request,
		"response":      map[string]any{},
	}
}

// field follows keys through nested maps.
func field(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[k]
	}
	return v
}

// sourcesFor generates the sources of caps into a fresh project and
// returns the absolute path of the source folder.
func sourcesFor(t *testing.T, caps ...config.Capability) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := Generate(dir, project(caps...)); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, config.DefaultFunctionsDir)
}
