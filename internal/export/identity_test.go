package export

import (
	"encoding/json"
	"strings"
	"testing"

	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	sdkiam "github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/cogwiz/cogwiz/internal/export/oracle"
)

// Each export of a file with an identity pool holds the identity pool,
// the role attachment and the roles, each role trusted by the identity
// pool (aud) for its kind of identity (amr); the CloudFormation template
// and the HCL pass the specification and schema checkers.
func TestIdentityPoolExports(t *testing.T) {
	cfg := testdataConfig(t, "identity-pool.yaml")
	y, j, h := exportsOf(t, namedConfig{"identity", cfg})
	a := oracle.Ask(t, oracle.Request{YAML: []string{string(y)},
		CFN: []string{"AWS::Cognito::IdentityPool", "AWS::Cognito::IdentityPoolRoleAttachment", "AWS::IAM::Role", "AWS::Cognito::UserPool",
			"AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolGroup"},
		TF: []string{"aws_cognito_identity_pool", "aws_cognito_identity_pool_roles_attachment", "aws_iam_role", "aws_iam_role_policy_attachment",
			"aws_cognito_user_pool", "aws_cognito_user_pool_client", "aws_cognito_user_group"}})
	jn, err := oracle.FromJSON(j)
	if err != nil {
		t.Fatal(err)
	}
	for _, ps := range [][]oracle.Problem{oracle.CheckCloudFormation(a.YAML[0].Doc, a.CFN), oracle.CheckCloudFormation(jn, a.CFN), oracle.CheckTerraform(h, "main.tf", a.TF)} {
		for _, p := range ps {
			t.Error(p)
		}
	}

	var tmpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(j, &tmpl); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, r := range tmpl.Resources {
		count[r.Type]++
		if r.Type == "AWS::IAM::Role" {
			doc, _ := json.Marshal(r.Properties["AssumeRolePolicyDocument"])
			if !strings.Contains(string(doc), `"cognito-identity.amazonaws.com:aud":{"Ref":"IdentityPool"}`) ||
				!strings.Contains(string(doc), `"Federated":"cognito-identity.amazonaws.com"`) || !strings.Contains(string(doc), `"sts:AssumeRoleWithWebIdentity"`) {
				t.Errorf("role %v: trust policy %s", r.Properties["RoleName"], doc)
			}
		}
		if r.Type == "AWS::Cognito::UserPoolGroup" && r.Properties["RoleArn"] == nil {
			t.Errorf("group %v has no role", r.Properties["GroupName"])
		}
	}
	if count["AWS::Cognito::IdentityPool"] != 1 || count["AWS::Cognito::IdentityPoolRoleAttachment"] != 1 || count["AWS::IAM::Role"] != 4 {
		t.Errorf("resource types = %v", count)
	}
	hcl := string(h)
	for _, want := range []string{`resource "aws_cognito_identity_pool" "shop"`, `resource "aws_cognito_identity_pool_roles_attachment" "shop"`,
		`resource "aws_iam_role" "shop_auth_role"`, `"cognito-identity.amazonaws.com:aud" = aws_cognito_identity_pool.shop.id`,
		`"cognito-identity.amazonaws.com:amr" = "unauthenticated"`, `role_arn     = aws_iam_role.shop_admins_group_role.arn`,
		`identity_provider         = join(":", [aws_cognito_user_pool.shop.endpoint, aws_cognito_user_pool_client.web.id])`} {
		if !strings.Contains(hcl, want) {
			t.Errorf("HCL lacks %s", want)
		}
	}
}

// The AWS CLI script creates the identity pool after the clients it
// trusts, the roles after the pool (their trust policy holds its id),
// attaches them, then creates the groups with their roles; every request
// is one the SDK's input types read.
func TestIdentityPoolScript(t *testing.T) {
	t.Parallel()
	r, err := AWSCLI(testdataConfig(t, "identity-pool.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	run := runScript(t, r.Data, currentSkeletons(), nil, nil)
	if run.err != nil {
		t.Fatalf("%v\n%s", run.err, run.out)
	}
	var ops []string
	for _, c := range run.calls {
		ops = append(ops, c.op)
	}
	want := "create-user-pool create-user-pool-client create-user-pool-client create-identity-pool create-role attach-role-policy create-role create-role create-role set-identity-pool-roles create-group create-group"
	if strings.Join(ops, " ") != want {
		t.Fatalf("calls:\n %s\nwant\n %s", strings.Join(ops, " "), want)
	}
	inputs := map[string]any{"create-identity-pool": &ci.CreateIdentityPoolInput{}, "set-identity-pool-roles": &ci.SetIdentityPoolRolesInput{},
		"create-role": &sdkiam.CreateRoleInput{}, "attach-role-policy": &sdkiam.AttachRolePolicyInput{}, "create-group": &cip.CreateGroupInput{}}
	for _, c := range run.calls {
		in, ok := inputs[c.op]
		if !ok {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(c.raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(in); err != nil {
			t.Errorf("%s: %v\n%s", c.op, err, c.raw)
		}
		switch x := in.(type) {
		case *ci.CreateIdentityPoolInput:
			if p := x.CognitoIdentityProviders; len(p) != 2 || *p[0].ProviderName != "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TESTPOOL" || *p[0].ClientId != "client1" {
				t.Errorf("identity pool providers = %s", c.raw)
			}
		case *sdkiam.CreateRoleInput:
			if !strings.Contains(*x.AssumeRolePolicyDocument, `"cognito-identity.amazonaws.com:aud":"eu-west-1:00000000-0000-4000-8000-000000000003"`) {
				t.Errorf("trust policy = %s", *x.AssumeRolePolicyDocument)
			}
		case *ci.SetIdentityPoolRolesInput:
			if x.Roles["authenticated"] == "" || len(x.RoleMappings) != 2 {
				t.Errorf("roles = %s", c.raw)
			}
		case *cip.CreateGroupInput:
			if x.RoleArn == nil || !strings.HasPrefix(*x.RoleArn, "arn:aws:iam::123456789012:role/") {
				t.Errorf("group = %s", c.raw)
			}
		}
	}
}
