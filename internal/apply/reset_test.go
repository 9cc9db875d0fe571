package apply_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// applyDoc plans and applies a file's text, the way `cogwiz apply` does.
func applyDoc(t *testing.T, api cognito.API, text string) (*plan.Plan, error) {
	t.Helper()
	doc, err := config.Parse("cognito.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	prep, err := apply.PrepareWith(ctx, api, apply.Sides{Written: doc.Written}, doc.Config, noEnv)
	if err != nil {
		return nil, err
	}
	_, err = apply.Run(ctx, apply.Options{API: api, Desired: doc.Config, State: prep.State, Plan: prep.Plan, RatePerSecond: -1, LookupEnv: noEnv, Settle: -1})
	return prep.Plan, err
}

func yamlOf(t *testing.T, cfg *config.Config) string {
	t.Helper()
	b, err := config.MarshalComments(cfg, config.CommentsNone)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Settings made outside the file, in keys the file leaves out, survive an
// unrelated change — on the fake, which resets what an update omits as AWS
// does. A key written empty is removed, and the plan shows it.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
func TestKeysLeftOutSurviveAnUnrelatedChange(t *testing.T) {
	t.Parallel()
	api := cognitofake.New(t).Client(t)
	ctx := context.Background()
	cfg := cognitofake.FullConfig("Keep")
	cfg.UserPool.SMS = &config.SMS{SNSCallerARN: "arn:aws:iam::123456789012:role/sms", ExternalID: "keep-ext"}
	cfg.UserPool.EmailSending = &config.EmailSending{Account: "COGNITO_DEFAULT"}
	text := yamlOf(t, cfg)
	if _, err := applyDoc(t, api, text); err != nil {
		t.Fatal(err)
	}
	pools, err := api.ListUserPools(ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	if err != nil || len(pools.UserPools) != 1 {
		t.Fatalf("pools: %v %v", pools, err)
	}
	poolID := pools.UserPools[0].Id

	// Outside the file: an SNS region, a second trigger, an SES
	// configuration set, and logout URLs on the web client.
	in, err := cognito.ExpandUpdateUserPool(ctx, api, *poolID, cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: poolID})
	in.UserPoolTags = d.UserPool.UserPoolTags
	in.SmsConfiguration.SnsRegion = aws.String("eu-west-1")
	in.LambdaConfig.PostConfirmation = aws.String("arn:aws:lambda:us-east-1:123456789012:function:welcome")
	in.EmailConfiguration.ConfigurationSet = aws.String("tracking")
	if _, err := api.UpdateUserPool(ctx, in); err != nil {
		t.Fatal(err)
	}
	clients, _ := api.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{UserPoolId: poolID, MaxResults: aws.Int32(60)})
	var webID *string
	for _, c := range clients.UserPoolClients {
		if aws.ToString(c.ClientName) == "web" {
			webID = c.ClientId
		}
	}
	wc, _ := api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: poolID, ClientId: webID})
	cu := &cip.UpdateUserPoolClientInput{UserPoolId: poolID, ClientId: webID, ClientName: wc.UserPoolClient.ClientName,
		AllowedOAuthFlows: wc.UserPoolClient.AllowedOAuthFlows, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: wc.UserPoolClient.AllowedOAuthScopes,
		CallbackURLs: wc.UserPoolClient.CallbackURLs, LogoutURLs: []string{"https://app.example.com/bye"}, SupportedIdentityProviders: wc.UserPoolClient.SupportedIdentityProviders,
		ExplicitAuthFlows: wc.UserPoolClient.ExplicitAuthFlows, TokenValidityUnits: wc.UserPoolClient.TokenValidityUnits, AccessTokenValidity: wc.UserPoolClient.AccessTokenValidity,
		IdTokenValidity: wc.UserPoolClient.IdTokenValidity, RefreshTokenValidity: wc.UserPoolClient.RefreshTokenValidity, PreventUserExistenceErrors: wc.UserPoolClient.PreventUserExistenceErrors}
	if _, err := api.UpdateUserPoolClient(ctx, cu); err != nil {
		t.Fatal(err)
	}

	// The file leaves those keys out: the plan does not touch them...
	noLogout := strings.Replace(text, `      logout_urls: ["http://localhost:3000/logout/"]`+"\n", "", 1)
	if noLogout == text {
		t.Fatal("the test's file has no logout_urls line to drop")
	}
	cfg.UserPool.PasswordPolicy.MinimumLength = config.Int(15)
	changed := strings.Replace(noLogout, "minimum_length: 10", "minimum_length: 15", 1)
	changed = strings.Replace(changed, `callback_urls: ["http://localhost:3000/login/"]`, `callback_urls: ["http://localhost:3000/login/", "https://app.example.com/cb"]`, 1)
	p, err := applyDoc(t, api, changed)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, c := range p.Changes {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths, ","); got != "user_pool.password_policy.minimum_length,app_clients[web].oauth.callback_urls" {
		t.Errorf("plan = %s", got)
	}
	// ...and apply keeps them.
	d, _ = api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: poolID})
	up := d.UserPool
	if aws.ToString(up.SmsConfiguration.SnsRegion) != "eu-west-1" || aws.ToString(up.SmsConfiguration.ExternalId) != "keep-ext" {
		t.Errorf("sms = %+v", up.SmsConfiguration)
	}
	if aws.ToString(up.LambdaConfig.PostConfirmation) == "" || aws.ToString(up.LambdaConfig.PreSignUp) == "" {
		t.Errorf("triggers = %+v", up.LambdaConfig)
	}
	if aws.ToString(up.EmailConfiguration.ConfigurationSet) != "tracking" {
		t.Errorf("email = %+v", up.EmailConfiguration)
	}
	wc, _ = api.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: poolID, ClientId: webID})
	if len(wc.UserPoolClient.LogoutURLs) != 1 || len(wc.UserPoolClient.CallbackURLs) != 2 {
		t.Errorf("client = logout %v, callback %v", wc.UserPoolClient.LogoutURLs, wc.UserPoolClient.CallbackURLs)
	}

	// Written empty, a key is removed, and the plan says so first.
	removing := strings.Replace(changed, `    pre_sign_up: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"`,
		`    pre_sign_up: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"`+"\n    post_confirmation: \"\"", 1)
	removing = strings.Replace(removing, "  sms:\n", "  sms:\n    sns_region: \"\"\n", 1)
	p, err = applyDoc(t, api, removing)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range p.Changes {
		if c.Action == plan.Update && c.After == nil {
			got[c.Path] = true
		}
	}
	if !got["user_pool.triggers.post_confirmation"] || !got["user_pool.sms.sns_region"] || len(got) != 2 {
		t.Errorf("removals in the plan = %v", got)
	}
	d, _ = api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: poolID})
	if d.UserPool.LambdaConfig.PostConfirmation != nil || d.UserPool.SmsConfiguration.SnsRegion != nil || aws.ToString(d.UserPool.LambdaConfig.PreSignUp) == "" {
		t.Errorf("after removing: triggers %+v, sms %+v", d.UserPool.LambdaConfig, d.UserPool.SmsConfiguration)
	}
}
