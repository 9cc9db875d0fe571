package cognitofake_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
)

func newPool(t *testing.T, f cognito.API) *string {
	t.Helper()
	out, err := f.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{
		PoolName:     aws.String("p"),
		LambdaConfig: &types.LambdaConfigType{PreSignUp: aws.String("arn:aws:lambda:us-east-1:1:function:f")},
		UserPoolTags: map[string]string{"team": "auth"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out.UserPool.Id
}

// The behaviours below are AWS's, documented in the API reference, and
// differ from cognito-local's; the engine's tests depend on them. Each goes
// through the real SDK client, as the engine's calls do.
func TestFakeUpdateUserPoolResetsWhatItIsNotSent(t *testing.T) {
	ctx := context.Background()
	f := cognitofake.New(t).Client(t)
	id := newPool(t, f)
	if _, err := f.UpdateUserPool(ctx, &cip.UpdateUserPoolInput{UserPoolId: id, Policies: &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{MinimumLength: aws.Int32(12)}}}); err != nil {
		t.Fatal(err)
	}
	d, _ := f.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: id})
	if d.UserPool.LambdaConfig.PreSignUp != nil || len(d.UserPool.UserPoolTags) != 0 {
		t.Errorf("a sparse update kept the trigger or tags: %+v %v", d.UserPool.LambdaConfig, d.UserPool.UserPoolTags)
	}
	if d.UserPool.AdminCreateUserConfig.UnusedAccountValidityDays == 0 {
		t.Fatal("the fake should report UnusedAccountValidityDays like old pools do")
	}
	_, err := f.UpdateUserPool(ctx, &cip.UpdateUserPoolInput{UserPoolId: id, AdminCreateUserConfig: d.UserPool.AdminCreateUserConfig})
	var ipe *types.InvalidParameterException
	if !errors.As(err, &ipe) {
		t.Errorf("sending UnusedAccountValidityDays back: err = %v, want InvalidParameterException", err)
	}
}

func TestFakeClientUpdateResetsWhatItIsNotSent(t *testing.T) {
	ctx := context.Background()
	f := cognitofake.New(t).Client(t)
	id := newPool(t, f)
	c, err := f.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: id, ClientName: aws.String("web"), CallbackURLs: []string{"https://a.example/cb"}, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: []types.OAuthFlowType{"code"}, AllowedOAuthScopes: []string{"openid"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.UpdateUserPoolClient(ctx, &cip.UpdateUserPoolClientInput{UserPoolId: id, ClientId: c.UserPoolClient.ClientId, ClientName: aws.String("web2")}); err != nil {
		t.Fatal(err)
	}
	d, _ := f.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: id, ClientId: c.UserPoolClient.ClientId})
	if len(d.UserPoolClient.CallbackURLs) != 0 {
		t.Errorf("callback URLs survived a sparse update: %v", d.UserPoolClient.CallbackURLs)
	}
	_, err = f.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: id, ClientName: aws.String("x"), SupportedIdentityProviders: []string{"Google"}})
	if err == nil {
		t.Error("a client naming a provider that does not exist was accepted")
	}
}

func TestFakeDuplicateGroupAndDeletionProtection(t *testing.T) {
	ctx := context.Background()
	f := cognitofake.New(t).Client(t)
	id := newPool(t, f)
	in := &cip.CreateGroupInput{UserPoolId: id, GroupName: aws.String("Admins"), Precedence: aws.Int32(1)}
	if _, err := f.CreateGroup(ctx, in); err != nil {
		t.Fatal(err)
	}
	var gee *types.GroupExistsException
	if _, err := f.CreateGroup(ctx, in); !errors.As(err, &gee) {
		t.Errorf("duplicate group: err = %v, want GroupExistsException", err)
	}
	if _, err := f.UpdateUserPool(ctx, &cip.UpdateUserPoolInput{UserPoolId: id, DeletionProtection: types.DeletionProtectionTypeActive}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.DeleteUserPool(ctx, &cip.DeleteUserPoolInput{UserPoolId: id}); err == nil {
		t.Error("a protected pool was deleted")
	}
}

func TestFakeIdentityProviderDetails(t *testing.T) {
	ctx := context.Background()
	f := cognitofake.New(t).Client(t)
	id := newPool(t, f)
	if _, err := f.CreateIdentityProvider(ctx, &cip.CreateIdentityProviderInput{UserPoolId: id, ProviderName: aws.String("Google"), ProviderType: "Google",
		ProviderDetails: map[string]string{"client_id": "c", "client_secret": "s", "authorize_scopes": "openid"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.CreateIdentityProvider(ctx, &cip.CreateIdentityProviderInput{UserPoolId: id, ProviderName: aws.String("Apple"), ProviderType: "SignInWithApple",
		ProviderDetails: map[string]string{"client_id": "c", "private_key": "k"}}); err == nil {
		t.Error("a social provider not named after its type was accepted")
	}
	d, err := f.DescribeIdentityProvider(ctx, &cip.DescribeIdentityProviderInput{UserPoolId: id, ProviderName: aws.String("Google")})
	if err != nil {
		t.Fatal(err)
	}
	if d.IdentityProvider.ProviderDetails["token_url"] == "" || d.IdentityProvider.ProviderDetails["client_secret"] != "s" {
		t.Errorf("details = %v", d.IdentityProvider.ProviderDetails)
	}
	p, _ := f.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: id})
	found := false
	for _, a := range p.UserPool.SchemaAttributes {
		found = found || aws.ToString(a.Name) == "identities"
	}
	if !found {
		t.Error("the identities attribute was not added")
	}
}

// ListUserPools pages by MaxResults, which AWS requires (1–60), and the
// tagging operations read and change the tags UpdateUserPool sets.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUserPools.html
func TestFakeListsInPagesAndTags(t *testing.T) {
	ctx := context.Background()
	f := cognitofake.New(t).Client(t)
	for i := 0; i < 5; i++ {
		newPool(t, f)
	}
	if _, err := f.ListUserPools(ctx, &cip.ListUserPoolsInput{}); err == nil {
		t.Error("ListUserPools without MaxResults was accepted")
	}
	var pages, pools int
	p := cip.NewListUserPoolsPaginator(f, &cip.ListUserPoolsInput{MaxResults: aws.Int32(2)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		pools += len(out.UserPools)
	}
	if pages != 3 || pools != 5 {
		t.Errorf("%d pools in %d pages, want 5 in 3", pools, pages)
	}
	id := newPool(t, f)
	d, _ := f.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: id})
	if d.UserPool.CreationDate == nil || d.UserPool.CreationDate.Year() != 2026 {
		t.Errorf("creation date = %v", d.UserPool.CreationDate)
	}
	if _, err := f.TagResource(ctx, &cip.TagResourceInput{ResourceArn: d.UserPool.Arn, Tags: map[string]string{"env": "prod"}}); err != nil {
		t.Fatal(err)
	}
	tags, err := f.ListTagsForResource(ctx, &cip.ListTagsForResourceInput{ResourceArn: d.UserPool.Arn})
	if err != nil || tags.Tags["env"] != "prod" || tags.Tags["team"] != "auth" {
		t.Errorf("tags = %v (%v)", tags, err)
	}
}
