package iam_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkiam "github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"github.com/aws/smithy-go"

	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/iam/iamfake"
	"github.com/cogwiz/cogwiz/internal/awsfake"
)

const trust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}`

func start(t *testing.T) (*iamfake.Fake, iam.API, *awsfake.Transport) {
	t.Helper()
	w := fakeaws.Start(t)
	return w.IAM, w.IAMAPI, w.Rec
}

func role(name string) iam.Role {
	return iam.Role{Name: name, Path: "/cogwiz/App/", TrustPolicy: trust,
		ManagedPolicyARNs: []string{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"},
		InlinePolicies:    map[string]string{"logs": `{"Version":"2012-10-17","Statement":[]}`},
		Tags:              map[string]string{"cogwiz:resource-name": "App"}}
}

// A role made, read back (through IAM's URL-encoded documents), found by
// its path, compared equal, and deleted with its policies first.
func TestRoleLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f, api, rec := start(t)
	want := role("App-authRole")
	arn, err := iam.CreateRole(ctx, api, want)
	if err != nil || arn != "arn:aws:iam::123456789012:role/cogwiz/App/App-authRole" {
		t.Fatalf("CreateRole = %q, %v", arn, err)
	}
	var in sdkiam.CreateRoleInput
	if err := rec.Calls()[0].Decode(&in); err != nil || aws.ToString(in.Path) != "/cogwiz/App/" || len(in.Tags) != 1 || aws.ToString(in.AssumeRolePolicyDocument) != trust {
		t.Errorf("CreateRole request = %+v (%v)", in, err)
	}
	live, err := iam.ReadRole(ctx, api, "App-authRole")
	if err != nil {
		t.Fatal(err)
	}
	if iam.Differs(want, *live) {
		t.Errorf("read back differs: %+v", live)
	}
	roles, err := iam.ListByPath(ctx, api, "/cogwiz/App/")
	if err != nil || len(roles) != 1 || roles[0].Tags["cogwiz:resource-name"] != "App" {
		t.Errorf("ListByPath = %+v, %v", roles, err)
	}
	if other, _ := iam.ListByPath(ctx, api, "/cogwiz/Other/"); len(other) != 0 {
		t.Errorf("another file's path lists %v", other)
	}
	// IAM refuses to delete a role with policies; DeleteRole removes them first.
	_, err = api.DeleteRole(ctx, &sdkiam.DeleteRoleInput{RoleName: aws.String("App-authRole")})
	if awsCode(err) != "DeleteConflict" {
		t.Errorf("DeleteRole with policies = %v, want DeleteConflict", err)
	}
	if err := iam.DeleteRole(ctx, api, "App-authRole"); err != nil {
		t.Fatal(err)
	}
	if names := f.RoleNames(); len(names) != 0 {
		t.Errorf("roles left: %v", names)
	}
	if _, err := iam.ReadRole(ctx, api, "App-authRole"); !iam.IsNotFound(err) {
		t.Errorf("ReadRole after delete = %v, want not found", err)
	}
	if err := iam.DeleteRole(ctx, api, "App-authRole"); err != nil {
		t.Errorf("deleting a deleted role = %v", err)
	}
}

func awsCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// IAM's documented validation answers reach the caller as IAM's codes.
func TestRoleValidation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, _ := start(t)
	cases := []struct {
		name string
		in   *sdkiam.CreateRoleInput
		code string
	}{
		{"name too long", &sdkiam.CreateRoleInput{RoleName: aws.String(strings.Repeat("a", 65)), AssumeRolePolicyDocument: aws.String(trust)}, "ValidationError"},
		{"bad path", &sdkiam.CreateRoleInput{RoleName: aws.String("r"), Path: aws.String("cogwiz"), AssumeRolePolicyDocument: aws.String(trust)}, "ValidationError"},
		{"not JSON", &sdkiam.CreateRoleInput{RoleName: aws.String("r"), AssumeRolePolicyDocument: aws.String("{")}, "MalformedPolicyDocument"},
	}
	for _, c := range cases {
		if _, err := api.CreateRole(ctx, c.in); awsCode(err) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	if _, err := iam.CreateRole(ctx, api, role("dup")); err != nil {
		t.Fatal(err)
	}
	if _, err := iam.CreateRole(ctx, api, role("dup")); awsCode(err) != "EntityAlreadyExists" {
		t.Errorf("second create = %v, want EntityAlreadyExists", err)
	}
	if _, err := api.GetRole(ctx, &sdkiam.GetRoleInput{RoleName: aws.String("nope")}); !iam.IsNotFound(err) {
		t.Errorf("GetRole of a missing role = %v", err)
	}
}

// A create whose answer is lost, or that fails with a 5xx after IAM made
// the role, is sent once and found by its tags; one that IAM never saw
// fails and leaves nothing; throttling is retried.
func TestCreateRoleSentOnce(t *testing.T) {
	t.Parallel()
	for _, fault := range awsfake.Faults {
		if fault == awsfake.Stall || fault == awsfake.StallApplied {
			continue // a stall ends only with the client's deadline
		}
		t.Run(fault.String(), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			f, api, rec := start(t)
			rec.Fault = awsfake.Once("CreateRole", 0, fault)
			_, err := iam.CreateRole(ctx, api, role("App-authRole"))
			made := fault.Applied() || fault == awsfake.Throttle
			if made != (err == nil) {
				t.Errorf("err = %v", err)
			}
			if n := rec.Count("CreateRole"); n != 1 && fault != awsfake.Throttle {
				t.Errorf("CreateRole sent %d times", n)
			}
			want := 0
			if made {
				want = 1
			}
			if got := len(f.RoleNames()); got != want {
				t.Errorf("%d roles, want %d", got, want)
			}
			if made && rec.Count("AttachRolePolicy") != 1 {
				t.Errorf("policies attached %d times", rec.Count("AttachRolePolicy"))
			}
		})
	}
}

// TagRole adds to a role's tags, a key it has taking the new value, and
// refuses to leave more than 50 (LimitExceeded), changing nothing.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_TagRole.html
func TestTagRoleCapsTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, _ := start(t)
	if _, err := iam.CreateRole(ctx, api, role("App-authRole")); err != nil {
		t.Fatal(err)
	}
	tag := func(kv ...string) error {
		in := &sdkiam.TagRoleInput{RoleName: aws.String("App-authRole")}
		for i := 0; i < len(kv); i += 2 {
			in.Tags = append(in.Tags, types.Tag{Key: aws.String(kv[i]), Value: aws.String(kv[i+1])})
		}
		_, err := api.TagRole(ctx, in)
		return err
	}
	if err := tag("cogwiz:resource-name", "Other", "team", "a"); err != nil {
		t.Fatal(err)
	}
	var many []string
	for i := range 49 {
		many = append(many, fmt.Sprintf("k%02d", i), "v")
	}
	if err := tag(many...); awsCode(err) != "LimitExceeded" {
		t.Errorf("tagging past 50 = %v, want LimitExceeded", err)
	}
	live, err := iam.ReadRole(ctx, api, "App-authRole")
	if err != nil || len(live.Tags) != 2 || live.Tags["cogwiz:resource-name"] != "Other" || live.Tags["team"] != "a" {
		t.Errorf("tags = %v (%v)", live.Tags, err)
	}
}
