package oracle

import (
	"strings"
	"testing"
)

// The resources exports will hold next: an identity pool with its roles,
// and a Lambda trigger with its permission. The checkers know them from
// the specifications alone.
const nextCFN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AuthRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Federated: cognito-identity.amazonaws.com}
            Action: sts:AssumeRoleWithWebIdentity
  IdentityPool:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
  Roles:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: {Ref: IdentityPool}
      Roles: {authenticated: {"Fn::GetAtt": [AuthRole, Arn]}}
  PreSignUp:
    Type: AWS::Lambda::Function
    Properties:
      Role: {"Fn::GetAtt": [AuthRole, Arn]}
      Runtime: nodejs20.x
      Handler: index.handler
      Code: {ZipFile: "exports.handler = async (e) => e"}
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: {Ref: PreSignUp}
      Principal: cognito-idp.amazonaws.com
`

const nextTF = `resource "aws_iam_role" "auth" {
  name = "auth"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "cognito-identity.amazonaws.com" } }]
  })
}

resource "aws_cognito_identity_pool" "main" {
  identity_pool_name               = "shop_identity"
  allow_unauthenticated_identities = false
}

resource "aws_cognito_identity_pool_roles_attachment" "main" {
  identity_pool_id = aws_cognito_identity_pool.main.id
  roles = {
    authenticated = aws_iam_role.auth.arn
  }
}

resource "aws_lambda_function" "pre_sign_up" {
  function_name    = "pre-sign-up"
  role             = aws_iam_role.auth.arn
  runtime          = "nodejs20.x"
  handler          = "index.handler"
  filename         = "pre-sign-up.zip"
  source_code_hash = filebase64sha256("pre-sign-up.zip")
}

resource "aws_lambda_permission" "cognito" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.pre_sign_up.function_name
  principal     = "cognito-idp.amazonaws.com"
}
`

// TestCheckersKnowResourcesToCome checks templates with identity pool,
// IAM and Lambda resources: they pass as written, and fail when spoiled.
func TestCheckersKnowResourcesToCome(t *testing.T) {
	spoiledCFN := []struct{ old, new, want string }{
		{"      Runtime: nodejs20.x\n", "      Runtime: nodejs20.x\n      Timeout: \"30\"\n", "Timeout: want integer, read str"},
		{"      Role: {\"Fn::GetAtt\": [AuthRole, Arn]}\n", "", "required property Role is missing"},
		{"AllowUnauthenticatedIdentities: false", "AllowUnauthenticatedIdentities: 1", "want boolean, read int"},
		{"AllowUnauthenticatedIdentities: false", "AllowUnauthenticatedIdentities: \"no\"", "want boolean, read str"},
		{"[AuthRole, Arn]}}", "[AuthRole, RoleArn]}}", `has no attribute "RoleArn"`},
	}
	spoiledTF := []struct{ old, new, want string }{
		{"  runtime          = \"nodejs20.x\"\n", "  runtime          = \"nodejs20.x\"\n  timeout          = \"thirty\"\n", "timeout wants number"},
		{"  role             = aws_iam_role.auth.arn\n", "", "required argument role is missing"},
		{"aws_iam_role.auth.arn\n  }", "aws_iam_role.auth.role_arn\n  }", "has no attribute role_arn"},
		{"  principal     = \"cognito-idp.amazonaws.com\"\n", "  principal     = \"cognito-idp.amazonaws.com\"\n  source        = \"x\"\n", "unknown argument source"},
	}
	req := Request{YAML: []string{nextCFN}}
	for _, c := range spoiledCFN {
		req.YAML = append(req.YAML, strings.Replace(nextCFN, c.old, c.new, 1))
	}
	types, err := TerraformTypes([]byte(nextTF), "next.tf")
	if err != nil {
		t.Fatal(err)
	}
	req.TF = append(types, "data.archive_file")
	req.CFN = []string{"AWS::IAM::Role", "AWS::Cognito::IdentityPool", "AWS::Cognito::IdentityPoolRoleAttachment", "AWS::Lambda::Function", "AWS::Lambda::Permission"}
	a := Ask(t, req)
	if got := CloudFormationTypes(a.YAML[0].Doc); strings.Join(got, " ") != strings.Join(req.CFN, " ") {
		t.Fatalf("types = %v", got)
	}
	if ps := CheckCloudFormation(a.YAML[0].Doc, a.CFN); len(ps) > 0 {
		t.Errorf("the template has problems: %v", ps)
	}
	if ps := CheckTerraform([]byte(nextTF), "next.tf", a.TF); len(ps) > 0 {
		t.Errorf("the HCL has problems: %v", ps)
	}
	for i, c := range spoiledCFN {
		if !strings.Contains(req.YAML[i+1], c.new) || !has(CheckCloudFormation(a.YAML[i+1].Doc, a.CFN), c.want) {
			t.Errorf("cloudformation: %q → %q: want a problem with %q", c.old, c.new, c.want)
		}
	}
	for _, c := range spoiledTF {
		src := strings.Replace(nextTF, c.old, c.new, 1)
		if src == nextTF || !has(CheckTerraform([]byte(src), "next.tf", a.TF), c.want) {
			t.Errorf("terraform: %q → %q: want a problem with %q", c.old, c.new, c.want)
		}
	}
	// archive_file comes from the hashicorp/archive provider's schema:
	// an archive without its output path is refused.
	ps := CheckTerraform([]byte("data \"archive_file\" \"fn\" {\n  type = \"zip\"\n}\n"), "next.tf", a.TF)
	if !has(ps, "required argument output_path is missing") {
		t.Errorf("archive_file: %v", ps)
	}
}

func has(ps []Problem, want string) bool {
	for _, p := range ps {
		if strings.Contains(p.String(), want) {
			return true
		}
	}
	return false
}
