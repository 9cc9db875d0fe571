package users_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/cognito/users/srp"
	"github.com/cogwiz/cogwiz/internal/cognito/users/userstest"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

func stepNames(r *users.TrialResult) string {
	var parts []string
	for _, s := range r.Steps {
		mark := "ok"
		switch {
		case s.Skipped:
			mark = "skipped"
		case !s.OK:
			mark = "FAILED(" + s.Detail + ")"
		}
		parts = append(parts, s.Name+":"+mark)
	}
	return strings.Join(parts, " ")
}

func TestTrialAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	api := s.Client(t)
	ctx := context.Background()

	for _, tc := range []struct {
		name     string
		pool     userstest.Pool
		srp      bool
		wantFlow string
	}{
		{"password sign-in", userstest.Pool{}, false, users.FlowUserPassword},
		{"client with a secret", userstest.Pool{Secret: true}, true, users.FlowUserPassword},
		{"email as username", userstest.Pool{UsernameAttributes: []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}}, false, users.FlowUserPassword},
		{"SRP sign-in", userstest.Pool{AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth}}, true, users.FlowSRP},
		{"SRP sign-in with a secret", userstest.Pool{Secret: true, AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth}}, true, users.FlowSRP},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := userstest.NewPool(t, api, tc.pool)
			seeds := seed
			if tc.pool.UsernameAttributes != nil {
				seeds = []userstest.User{{Username: "alice@example.com", Email: "alice@example.com"}}
			}
			userstest.Seed(t, api, p.PoolID, seeds...)
			rec := userstest.NewRecorder(api)
			svc := users.New(rec, p.PoolID)
			client, err := svc.FindClient(ctx, "web")
			if err != nil {
				t.Fatal(err)
			}
			var streamed []string
			res, err := svc.Trial(ctx, users.TrialOptions{Client: client, OnStep: func(s users.Step) { streamed = append(streamed, s.Name) }})
			if err != nil {
				t.Fatal(err)
			}
			want := "sign-up:ok confirm:ok sign-in:ok id-token:ok forgot-password:ok clean-up:ok"
			if got := stepNames(res); got != want || res.Failed() {
				t.Fatalf("steps = %s\nwant    %s", got, want)
			}
			if strings.Join(streamed, " ") != "sign-up confirm sign-in id-token forgot-password clean-up" {
				t.Fatalf("OnStep saw %v", streamed)
			}
			if res.Flow != tc.wantFlow {
				t.Fatalf("flow = %s, want %s", res.Flow, tc.wantFlow)
			}
			if res.Claims.String("aud") != p.ClientID || res.Claims.String("token_use") != "id" || res.Claims.String("email") != res.Email {
				t.Fatalf("claims = %v", res.Claims)
			}
			// The throw-away user is gone and nobody else was touched.
			if names := userstest.Usernames(t, api, p.PoolID); len(names) != len(seeds) {
				t.Fatalf("users after the trial = %v", names)
			}
			signUp := rec.Calls("SignUp")[0].Input.(*cip.SignUpInput)
			if tc.pool.Secret != (signUp.SecretHash != nil) {
				t.Fatalf("SECRET_HASH sent = %v, client has a secret = %v", signUp.SecretHash != nil, tc.pool.Secret)
			}
			if tc.pool.Secret && aws.ToString(signUp.SecretHash) != users.SecretHash(aws.ToString(client.ClientSecret), aws.ToString(signUp.Username), p.ClientID) {
				t.Fatal("wrong SECRET_HASH")
			}
			if tc.srp {
				var sawSRP bool
				for _, c := range rec.Calls("InitiateAuth") {
					in := c.Input.(*cip.InitiateAuthInput)
					if in.AuthFlow == types.AuthFlowTypeUserSrpAuth {
						sawSRP = true
						if _, leaked := in.AuthParameters["PASSWORD"]; leaked {
							t.Fatal("SRP sent the password")
						}
					}
				}
				if sawSRP != (tc.wantFlow == users.FlowSRP) {
					t.Fatalf("USER_SRP_AUTH used = %v", sawSRP)
				}
			}
		})
	}

	t.Run("a step that fails is reported and the user is still deleted", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth}})
		// Without the recorder nothing answers SRP: the emulator refuses it.
		svc := users.New(api, p.PoolID)
		client, err := svc.FindClient(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		res, err := svc.Trial(ctx, users.TrialOptions{Client: client})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Failed() || !strings.Contains(stepNames(res), "sign-in:FAILED") || !strings.HasSuffix(stepNames(res), "clean-up:ok") {
			t.Fatalf("steps = %s", stepNames(res))
		}
		if names := userstest.Usernames(t, api, p.PoolID); len(names) != 0 {
			t.Fatalf("users left behind: %v", names)
		}
	})

	t.Run("an endpoint without SRP falls back to the next flow the client allows", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{AuthFlows: []types.ExplicitAuthFlowsType{
			types.ExplicitAuthFlowsTypeAllowUserSrpAuth, types.ExplicitAuthFlowsTypeAllowUserPasswordAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth}})
		// Without the recorder the emulator refuses SRP as Unsupported.
		svc := users.New(api, p.PoolID)
		client, err := svc.FindClient(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		res, err := svc.Trial(ctx, users.TrialOptions{Client: client})
		if err != nil {
			t.Fatal(err)
		}
		if res.Failed() || res.Flow != users.FlowUserPassword {
			t.Fatalf("steps = %s, flow %s; want every step ok through USER_PASSWORD_AUTH", stepNames(res), res.Flow)
		}
		for _, s := range res.Steps {
			if s.Name == "sign-in" && !strings.Contains(s.Detail, "does not support USER_SRP_AUTH") {
				t.Fatalf("sign-in detail %q does not say SRP was skipped", s.Detail)
			}
		}
		if names := userstest.Usernames(t, api, p.PoolID); len(names) != 0 {
			t.Fatalf("users left behind: %v", names)
		}
	})

	t.Run("a wrong SRP proof is refused", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth}})
		rec := userstest.NewRecorder(api)
		userstest.Seed(t, rec, p.PoolID, userstest.User{Username: "henry", Password: "password1"})
		out, err := rec.InitiateAuth(ctx, &cip.InitiateAuthInput{ClientId: aws.String(p.ClientID), AuthFlow: types.AuthFlowTypeUserSrpAuth,
			AuthParameters: map[string]string{"USERNAME": "henry", "SRP_A": "1234abcd"}})
		if err != nil {
			t.Fatal(err)
		}
		_, err = rec.RespondToAuthChallenge(ctx, &cip.RespondToAuthChallengeInput{ClientId: aws.String(p.ClientID), Session: out.Session,
			ChallengeName: types.ChallengeNameTypePasswordVerifier, ChallengeResponses: map[string]string{
				"USERNAME": "henry", "PASSWORD_CLAIM_SECRET_BLOCK": out.ChallengeParameters["SECRET_BLOCK"],
				"PASSWORD_CLAIM_SIGNATURE": "AAAA", "TIMESTAMP": srp.Timestamp(time.Now()),
			}})
		var nae *types.NotAuthorizedException
		if !errors.As(err, &nae) || !strings.Contains(aws.ToString(nae.Message), "Incorrect username or password") {
			t.Fatalf("a forged proof was accepted: %v", err)
		}
	})

	t.Run("Ctrl-C after sign-up still deletes the user", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		svc := users.New(api, p.PoolID)
		client, err := svc.FindClient(ctx, "web")
		if err != nil {
			t.Fatal(err)
		}
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		res, err := svc.Trial(cctx, users.TrialOptions{Client: client, OnStep: func(s users.Step) {
			if s.Name == "sign-up" {
				cancel()
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		if got := stepNames(res); !strings.HasPrefix(got, "sign-up:ok confirm:FAILED") || !strings.HasSuffix(got, "clean-up:ok") {
			t.Fatalf("steps = %s", got)
		}
		if names := userstest.Usernames(t, api, p.PoolID); len(names) != 0 {
			t.Fatalf("users left behind: %v", names)
		}
	})

	t.Run("admin-only recovery skips forgot-password", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		pool, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(p.PoolID)})
		if err != nil {
			t.Fatal(err)
		}
		up := pool.UserPool
		// cognito-local replaces the whole pool on update, so send it back whole.
		if _, err := api.UpdateUserPool(ctx, &cip.UpdateUserPoolInput{UserPoolId: aws.String(p.PoolID), Policies: up.Policies,
			AccountRecoverySetting: &types.AccountRecoverySettingType{RecoveryMechanisms: []types.RecoveryOptionType{{Name: types.RecoveryOptionNameTypeAdminOnly, Priority: aws.Int32(1)}}}}); err != nil {
			t.Fatal(err)
		}
		svc := users.New(api, p.PoolID)
		client, _ := svc.FindClient(ctx, p.ClientID)
		res, err := svc.Trial(ctx, users.TrialOptions{Client: client})
		if err != nil {
			t.Fatal(err)
		}
		if got := stepNames(res); !strings.Contains(got, "forgot-password:skipped") || res.Failed() {
			t.Fatalf("steps = %s", got)
		}
	})
}
