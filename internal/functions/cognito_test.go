package functions

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/repodir"
)

// needSDK returns jsenv/node_modules, where the AWS SDK for JavaScript v3
// is installed for the tests (Lambda's runtime has it built in). Without
// it the test skips locally and fails under CI.
func needSDK(t *testing.T) string {
	t.Helper()
	return filepath.Join(repodir.NodePackages(t, "internal/functions/jsenv"), "node_modules")
}

// The add-to-group handler calls cognito-local through the real AWS SDK for
// JavaScript v3, exactly as it calls Cognito from Lambda.
func TestAddToGroupPutsTheConfirmedUserInTheGroup(t *testing.T) {
	t.Parallel()
	needNode(t)
	sdk := needSDK(t)
	srv := emulator.Start(t)
	api := srv.Client(t)
	ctx := context.Background()

	root := sourcesFor(t, addToGroup)
	// Node finds the SDK the way Lambda's runtime provides it: as a package
	// the function imports by name.
	if err := os.Symlink(sdk, filepath.Join(root, "node_modules")); err != nil {
		t.Fatal(err)
	}

	pool, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("functions")})
	if err != nil {
		t.Fatal(err)
	}
	poolID := aws.ToString(pool.UserPool.Id)
	client, err := api.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: &poolID, ClientName: aws.String("web")})
	if err != nil {
		t.Fatal(err)
	}
	// members is declared (cogwiz creates it); newcomers is not.
	if _, err := api.CreateGroup(ctx, &cip.CreateGroupInput{UserPoolId: &poolID, GroupName: aws.String("members")}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"alice", "bob", "carol"} {
		signUpConfirmed(t, api, aws.ToString(client.UserPoolClient.ClientId), poolID, name)
	}

	// https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
	postConfirmation := func(source, user string) map[string]any {
		e := cognitoEvent(source, map[string]any{
			"userAttributes": map[string]any{"sub": "5f8a9c2e", "email": user + "@example.com", "cognito:user_status": "CONFIRMED"},
			"clientMetadata": map[string]any{},
		})
		e["userPoolId"], e["userName"] = poolID, user
		return e
	}
	handler := filepath.Join(root, "post_confirmation", "index.mjs")
	outcomes := runNode(t, []string{
		"AWS_REGION=" + emulator.Region, "AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local",
		// The SDK's own setting for a service's endpoint.
		// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
		"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + srv.Endpoint,
	}, []nodeCase{
		{Handler: handler, Env: map[string]string{"GROUP": "members"}, Event: postConfirmation("PostConfirmation_ConfirmSignUp", "alice")},
		{Handler: handler, Env: map[string]string{"GROUP": "newcomers"}, Event: postConfirmation("PostConfirmation_ConfirmSignUp", "bob")},
		{Handler: handler, Env: map[string]string{"GROUP": "members"}, Event: postConfirmation("PostConfirmation_ConfirmForgotPassword", "carol")},
		{Handler: handler, Env: map[string]string{"GROUP": "members"}, Event: postConfirmation("PostConfirmation_ConfirmSignUp", "nobody")},
	})
	for i, o := range outcomes[:3] {
		if o.Error != "" {
			t.Fatalf("case %d threw %s: %s", i, o.ErrorName, o.Error)
		}
		if field(o.Result, "userName") == nil {
			t.Fatalf("case %d did not return the event: %v", i, o.Result)
		}
	}
	if o := outcomes[3]; o.ErrorName != "UserNotFoundException" {
		t.Errorf("an unknown user: %s %q, want UserNotFoundException so that Cognito reports it", o.ErrorName, o.Error)
	}

	for user, want := range map[string][]string{
		"alice": {"members"},   // a declared group
		"bob":   {"newcomers"}, // created by the function, as Amplify's did
		"carol": nil,           // a password reset is not a sign-up
	} {
		out, err := api.AdminListGroupsForUser(ctx, &cip.AdminListGroupsForUserInput{UserPoolId: &poolID, Username: aws.String(user)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range out.Groups {
			got = append(got, aws.ToString(g.GroupName))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s is in %v, want %v", user, got, want)
		}
	}
}

// signUpConfirmed signs a user up through the app client and confirms them.
func signUpConfirmed(t *testing.T, api cognito.API, clientID, poolID, name string) {
	t.Helper()
	ctx := context.Background()
	if _, err := api.SignUp(ctx, &cip.SignUpInput{ClientId: &clientID, Username: &name, Password: aws.String("Passw0rd!long")}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.AdminConfirmSignUp(ctx, &cip.AdminConfirmSignUpInput{UserPoolId: &poolID, Username: &name}); err != nil {
		t.Fatal(err)
	}
}
