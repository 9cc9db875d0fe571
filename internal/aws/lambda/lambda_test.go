package lambda_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdklambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/iam/iamfake"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/aws/lambda/lambdafake"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
)

const trustLambda = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

type world struct {
	fake   *lambdafake.Fake
	api    lambda.API
	iamAPI iam.API
	rec    *awsfake.Transport
}

func start(t *testing.T) *world {
	t.Helper()
	s := awsfake.Start(t)
	iamfake.Register(s, "123456789012")
	f := lambdafake.Register(s, "us-east-1", "123456789012")
	rec := awsfake.NewTransport()
	cfg, err := cognito.LoadConfig(context.Background(), cognito.Options{
		Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("fake", "fake", ""),
		RetryMaxBackoff: time.Millisecond, WrapTransport: rec.Wrap,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &world{fake: f, api: lambda.New(cfg, s.URL()), iamAPI: iam.New(cfg, s.URL()), rec: rec}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return base64.StdEncoding.EncodeToString(s[:])
}

// pauses counts the waits instead of sleeping.
type pauses struct{ n int }

func (p *pauses) pause(context.Context, int) error { p.n++; return nil }

func (w *world) role(t *testing.T, name, trust string) string {
	t.Helper()
	arn, err := iam.CreateRole(context.Background(), w.iamAPI, iam.Role{Name: name, Path: "/cogwiz/App/functions/", TrustPolicy: trust})
	if err != nil {
		t.Fatal(err)
	}
	return arn
}

func fn(role string) lambda.Function {
	return lambda.Function{Name: "AppPostConfirmation", Runtime: "nodejs22.x", Handler: "index.handler", Role: role, Timeout: 5,
		Env: map[string]string{"GROUP": "members"}, Tags: map[string]string{"cogwiz:resource-name": "App"}}
}

// A function is created while IAM is still making its new role usable
// (tried again after a pause), waited for until Active, read back with
// Lambda's code hash, updated in code and configuration, given and
// relieved of a permission, and deleted.
func TestFunctionLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := start(t)
	w.fake.RoleDelay = 2
	role := w.role(t, "AppPostConfirmation", trustLambda)
	code := zipOf(t, map[string]string{"index.mjs": "export const handler = async (e) => e;"})
	var p pauses
	got, err := lambda.CreateFunction(ctx, w.api, fn(role), code, p.pause)
	if err != nil {
		t.Fatal(err)
	}
	if w.rec.Count("CreateFunction") != 3 {
		t.Errorf("CreateFunction sent %d times, want 3 (two refusals while the role is new)", w.rec.Count("CreateFunction"))
	}
	// Two pauses for the role, one for the Pending function.
	if p.n != 3 || got.State != "Active" {
		t.Errorf("%d pauses, state %s", p.n, got.State)
	}
	if got.CodeSHA256 != sha(code) || got.ARN != "arn:aws:lambda:us-east-1:123456789012:function:AppPostConfirmation" ||
		got.Env["GROUP"] != "members" || got.Tags["cogwiz:resource-name"] != "App" || got.Timeout != 5 || got.Role != role {
		t.Errorf("read back %+v", got)
	}

	// Without waiting, a second change while the first is in progress fails.
	code2 := zipOf(t, map[string]string{"index.mjs": "export const handler = async (e) => ({...e});"})
	if _, err := w.api.UpdateFunctionCode(ctx, &sdklambda.UpdateFunctionCodeInput{FunctionName: aws.String(got.Name), ZipFile: code2}); err != nil {
		t.Fatal(err)
	}
	var rc *types.ResourceConflictException
	if _, err := w.api.UpdateFunctionConfiguration(ctx, lambda.ExpandUpdateConfiguration(*got)); !errors.As(err, &rc) {
		t.Errorf("update during an update: %v, want ResourceConflictException", err)
	}
	if _, err := lambda.WaitReady(ctx, w.api, got.Name, p.pause); err != nil {
		t.Fatal(err)
	}
	want := *got
	want.Env = map[string]string{"GROUP": "admins", "EXTRA": "kept"}
	after, err := lambda.UpdateConfiguration(ctx, w.api, want, p.pause)
	if err != nil {
		t.Fatal(err)
	}
	if after.CodeSHA256 != sha(code2) || after.Env["GROUP"] != "admins" || after.Env["EXTRA"] != "kept" || after.LastUpdateStatus != "Successful" {
		t.Errorf("after the updates: %+v", after)
	}

	perm := lambda.Permission{Sid: "cognito-us-east-1_AbC", Principal: "cognito-idp.amazonaws.com", Action: "lambda:InvokeFunction",
		SourceARN: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC", SourceAccount: "123456789012"}
	if perms, err := lambda.Permissions(ctx, w.api, got.Name); err != nil || len(perms) != 0 {
		t.Errorf("a function without a policy: %v %v", perms, err)
	}
	if err := lambda.AddPermission(ctx, w.api, got.Name, perm); err != nil {
		t.Fatal(err)
	}
	if err := lambda.AddPermission(ctx, w.api, got.Name, perm); !errors.As(err, &rc) {
		t.Errorf("the same statement id twice: %v, want ResourceConflictException", err)
	}
	perms, err := lambda.Permissions(ctx, w.api, got.Name)
	if err != nil || len(perms) != 1 || perms[0] != perm {
		t.Errorf("policy read back: %+v (%v)", perms, err)
	}
	if err := lambda.RemovePermission(ctx, w.api, got.Name, perm.Sid); err != nil {
		t.Fatal(err)
	}
	if err := lambda.RemovePermission(ctx, w.api, got.Name, perm.Sid); err != nil {
		t.Errorf("removing a removed statement: %v", err)
	}
	if err := lambda.DeleteFunction(ctx, w.api, got.Name); err != nil {
		t.Fatal(err)
	}
	if f, err := lambda.FindFunction(ctx, w.api, got.Name); f != nil || err != nil {
		t.Errorf("after delete: %v %v", f, err)
	}
	if err := lambda.DeleteFunction(ctx, w.api, got.Name); err != nil {
		t.Errorf("deleting a deleted function: %v", err)
	}
}

// A role that does not trust Lambda is refused at once and for good: the
// pause gives up, and the error says why.
func TestCreateFunctionRefusesARoleLambdaCannotAssume(t *testing.T) {
	t.Parallel()
	w := start(t)
	role := w.role(t, "NotForLambda", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)
	giveUp := func(_ context.Context, attempt int) error {
		if attempt > 2 {
			return errors.New("gave up")
		}
		return nil
	}
	_, err := lambda.CreateFunction(context.Background(), w.api, fn(role), zipOf(t, map[string]string{"index.mjs": ""}), giveUp)
	if err == nil || !strings.Contains(err.Error(), "cannot be assumed by Lambda") || w.rec.Count("CreateFunction") != 3 {
		t.Errorf("err = %v after %d tries", err, w.rec.Count("CreateFunction"))
	}
}

// A create whose answer is lost is not sent again: the function is
// looked up and, carrying the tags asked for, taken as made.
func TestCreateFunctionIsSentOnce(t *testing.T) {
	t.Parallel()
	for _, fault := range []awsfake.Fault{awsfake.LoseReply, awsfake.Fail500Applied, awsfake.Fail503} {
		t.Run(fault.String(), func(t *testing.T) {
			t.Parallel()
			w := start(t)
			role := w.role(t, "AppPostConfirmation", trustLambda)
			w.rec.Fault = awsfake.Once("CreateFunction", 0, fault)
			var p pauses
			got, err := lambda.CreateFunction(context.Background(), w.api, fn(role), zipOf(t, map[string]string{"index.mjs": ""}), p.pause)
			if w.rec.Count("CreateFunction") != 1 {
				t.Errorf("CreateFunction sent %d times", w.rec.Count("CreateFunction"))
			}
			if fault.Applied() {
				if err != nil || got == nil || got.Name != "AppPostConfirmation" {
					t.Errorf("applied create: %v %v", got, err)
				}
			} else if err == nil || !strings.Contains(err.Error(), "not made") {
				t.Errorf("create that never arrived: %v", err)
			}
		})
	}
}

// The requests are Lambda's REST-JSON: the method and path of each
// operation, the package base64 in the body of CreateFunction.
func TestRequestsOnTheWire(t *testing.T) {
	t.Parallel()
	w := start(t)
	role := w.role(t, "AppPostConfirmation", trustLambda)
	w.rec.Reset()
	code := zipOf(t, map[string]string{"index.mjs": ""})
	var p pauses
	if _, err := lambda.CreateFunction(context.Background(), w.api, fn(role), code, p.pause); err != nil {
		t.Fatal(err)
	}
	calls := w.rec.Calls()
	if len(calls) < 2 || calls[0].Service != "lambda" || calls[0].Op != "CreateFunction" || calls[1].Op != "GetFunction" {
		t.Fatalf("calls = %v", w.rec.Ops())
	}
	var in sdklambda.CreateFunctionInput
	if err := calls[0].Decode(&in); err != nil || !bytes.Equal(in.Code.ZipFile, code) || aws.ToString(in.Role) != role || in.Tags["cogwiz:resource-name"] != "App" {
		t.Errorf("CreateFunction request = %+v (%v)", in, err)
	}
	if len(w.rec.Writes()) != 1 {
		t.Errorf("writes = %d, want 1 (GetFunction reads)", len(w.rec.Writes()))
	}
}

// TagResource adds to a function's tags and refuses to leave more than
// 50 (InvalidParameterValueException), changing nothing.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html
func TestTagResourceCapsTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	w := start(t)
	code := zipOf(t, map[string]string{"index.mjs": "export const handler = async (e) => e;"})
	got, err := lambda.CreateFunction(ctx, w.api, fn(w.role(t, "AppPostConfirmation", trustLambda)), code, (&pauses{}).pause)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.api.TagResource(ctx, &sdklambda.TagResourceInput{Resource: aws.String(got.ARN), Tags: map[string]string{"cogwiz:resource-name": "Other", "team": "a"}}); err != nil {
		t.Fatal(err)
	}
	many := map[string]string{}
	for i := range 49 {
		many[fmt.Sprintf("k%02d", i)] = "v"
	}
	var ip *types.InvalidParameterValueException
	if _, err := w.api.TagResource(ctx, &sdklambda.TagResourceInput{Resource: aws.String(got.ARN), Tags: many}); !errors.As(err, &ip) {
		t.Errorf("tagging past 50 = %v, want InvalidParameterValueException", err)
	}
	if _, tags := w.fake.Configuration(got.Name); len(tags) != 2 || tags["cogwiz:resource-name"] != "Other" || tags["team"] != "a" {
		t.Errorf("tags = %v", tags)
	}
}
