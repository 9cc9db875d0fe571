// Package userstest helps test user administration against cognito-local:
// a pool with a schema, a password policy, a group and an app client;
// seeded users; and Recorder, a fake for the few operations the emulator
// lacks, which records the real SDK inputs and answers as AWS documents.
package userstest

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Pool describes the test pool to create.
type Pool struct {
	// UsernameAttributes: nil for usernames, or [email].
	UsernameAttributes []types.UsernameAttributeType
	// AuthFlows of the app client; nil means USER_PASSWORD_AUTH and refresh.
	AuthFlows []types.ExplicitAuthFlowsType
	// Secret makes the app client generate a secret.
	Secret bool
	// Groups to create; nil means one group, Admins.
	Groups []string
}

// Created is what NewPool made.
type Created struct {
	PoolID   string
	ClientID string
}

// NewPool creates a pool with a custom attribute (custom:tier), a password
// policy of 8 characters with a number, email verified by code, groups and
// one app client, "web".
func NewPool(tb testing.TB, api cognito.API, p Pool) Created {
	tb.Helper()
	ctx := context.Background()
	out, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String("users-test"),
		UsernameAttributes:     p.UsernameAttributes,
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
		Policies: &types.UserPoolPolicyType{PasswordPolicy: &types.PasswordPolicyType{
			MinimumLength: aws.Int32(8), RequireNumbers: true,
		}},
		Schema: []types.SchemaAttributeType{{
			Name: aws.String("tier"), AttributeDataType: types.AttributeDataTypeString, Mutable: aws.Bool(true),
			StringAttributeConstraints: &types.StringAttributeConstraintsType{MinLength: aws.String("1"), MaxLength: aws.String("32")},
		}},
		AccountRecoverySetting: &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{
			{Name: types.RecoveryOptionNameTypeVerifiedEmail, Priority: aws.Int32(1)},
		}},
	})
	if err != nil {
		tb.Fatalf("CreateUserPool: %v", err)
	}
	id := aws.ToString(out.UserPool.Id)
	groups := p.Groups
	if groups == nil {
		groups = []string{"Admins"}
	}
	for i, g := range groups {
		if _, err := api.CreateGroup(ctx, &cip.CreateGroupInput{UserPoolId: aws.String(id), GroupName: aws.String(g), Precedence: aws.Int32(int32(i + 1))}); err != nil {
			tb.Fatalf("CreateGroup %s: %v", g, err)
		}
	}
	flows := p.AuthFlows
	if flows == nil {
		flows = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth}
	}
	c, err := api.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId: aws.String(id), ClientName: aws.String("web"), ExplicitAuthFlows: flows, GenerateSecret: p.Secret,
	})
	if err != nil {
		tb.Fatalf("CreateUserPoolClient: %v", err)
	}
	return Created{PoolID: id, ClientID: aws.ToString(c.UserPoolClient.ClientId)}
}

// User is a user to seed.
type User struct {
	Username string
	Email    string
	// Password, when set, is made permanent (status CONFIRMED).
	Password string
}

// Seed creates users without sending messages, as an administrator would.
func Seed(tb testing.TB, api cognito.API, poolID string, users ...User) {
	tb.Helper()
	ctx := context.Background()
	for _, u := range users {
		in := &cip.AdminCreateUserInput{UserPoolId: aws.String(poolID), Username: aws.String(u.Username), MessageAction: types.MessageActionTypeSuppress}
		if u.Email != "" {
			in.UserAttributes = []types.AttributeType{{Name: aws.String("email"), Value: aws.String(u.Email)}}
		}
		if _, err := api.AdminCreateUser(ctx, in); err != nil {
			tb.Fatalf("seeding %s: %v", u.Username, err)
		}
		if u.Password != "" {
			if _, err := api.AdminSetUserPassword(ctx, &cip.AdminSetUserPasswordInput{UserPoolId: aws.String(poolID), Username: aws.String(u.Username), Password: aws.String(u.Password), Permanent: true}); err != nil {
				tb.Fatalf("password for %s: %v", u.Username, err)
			}
		}
	}
}

// Usernames lists every username in the pool, straight from ListUsers.
func Usernames(tb testing.TB, api cognito.API, poolID string) []string {
	tb.Helper()
	var names []string
	p := cip.NewListUsersPaginator(api, &cip.ListUsersInput{UserPoolId: aws.String(poolID)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatalf("ListUsers: %v", err)
		}
		for _, u := range page.Users {
			names = append(names, aws.ToString(u.Username))
		}
	}
	return names
}

// GetUser reads a user afresh with AdminGetUser.
func GetUser(tb testing.TB, api cognito.API, poolID, username string) *cip.AdminGetUserOutput {
	tb.Helper()
	out, err := api.AdminGetUser(context.Background(), &cip.AdminGetUserInput{UserPoolId: aws.String(poolID), Username: aws.String(username)})
	if err != nil {
		tb.Fatalf("AdminGetUser %s: %v", username, err)
	}
	return out
}

// GroupsOf lists a user's groups afresh with AdminListGroupsForUser.
func GroupsOf(tb testing.TB, api cognito.API, poolID, username string) []string {
	tb.Helper()
	out, err := api.AdminListGroupsForUser(context.Background(), &cip.AdminListGroupsForUserInput{UserPoolId: aws.String(poolID), Username: aws.String(username)})
	if err != nil {
		tb.Fatalf("AdminListGroupsForUser %s: %v", username, err)
	}
	var names []string
	for _, g := range out.Groups {
		names = append(names, aws.ToString(g.GroupName))
	}
	return names
}

// Attr returns one attribute of an AdminGetUser answer.
func Attr(out *cip.AdminGetUserOutput, name string) string {
	for _, a := range out.UserAttributes {
		if aws.ToString(a.Name) == name {
			return aws.ToString(a.Value)
		}
	}
	return ""
}

// Names returns n usernames user-0000, user-0001, ...
func Names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("user-%04d", i)
	}
	return out
}
