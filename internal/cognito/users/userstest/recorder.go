package userstest

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/cognito/users/srp"
)

// Call is one request the Recorder saw: the operation and the SDK input.
type Call struct {
	Op    string
	Input any
}

// Recorder wraps a real client (cognito-local) and stands in for what the
// emulator lacks: AdminUserGlobalSignOut, AdminResetUserPassword,
// AdminSetUserMFAPreference and the USER_SRP_AUTH flow. Each records its
// input and answers as AWS documents it: an unknown user gives
// UserNotFoundException (checked against the emulator), SRP proofs are
// verified with the server's equation, the client's auth flows and secret
// hash are enforced. Everything else goes to the emulator untouched.
type Recorder struct {
	cognito.API

	mu        sync.Mutex
	calls     []Call
	passwords map[string]string // username → password, as Cognito's verifier would know it
	sessions  map[string]*srpSession
}

type srpSession struct {
	server   *srp.Server
	userID   string
	clientID string
	block    string
	srpA     string
}

// NewRecorder wraps api.
func NewRecorder(api cognito.API) *Recorder {
	return &Recorder{API: api, passwords: map[string]string{}, sessions: map[string]*srpSession{}}
}

// Calls returns the recorded calls of op ("" for all).
func (r *Recorder) Calls(op string) []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Call
	for _, c := range r.calls {
		if op == "" || c.Op == op {
			out = append(out, c)
		}
	}
	return out
}

func (r *Recorder) record(op string, in any) {
	r.mu.Lock()
	r.calls = append(r.calls, Call{Op: op, Input: in})
	r.mu.Unlock()
}

// resolve finds the real username the way AWS does for Admin* calls.
func (r *Recorder) resolve(ctx context.Context, poolID, name *string) (string, error) {
	out, err := r.API.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: poolID, Username: name})
	if err != nil {
		return "", err
	}
	return aws.ToString(out.Username), nil
}

// AdminUserGlobalSignOut records the call; an unknown user is UserNotFoundException.
func (r *Recorder) AdminUserGlobalSignOut(ctx context.Context, in *cip.AdminUserGlobalSignOutInput, _ ...func(*cip.Options)) (*cip.AdminUserGlobalSignOutOutput, error) {
	r.record("AdminUserGlobalSignOut", in)
	if _, err := r.resolve(ctx, in.UserPoolId, in.Username); err != nil {
		return nil, err
	}
	return &cip.AdminUserGlobalSignOutOutput{}, nil
}

// AdminResetUserPassword records the call; an unknown user is UserNotFoundException.
func (r *Recorder) AdminResetUserPassword(ctx context.Context, in *cip.AdminResetUserPasswordInput, _ ...func(*cip.Options)) (*cip.AdminResetUserPasswordOutput, error) {
	r.record("AdminResetUserPassword", in)
	if _, err := r.resolve(ctx, in.UserPoolId, in.Username); err != nil {
		return nil, err
	}
	return &cip.AdminResetUserPasswordOutput{}, nil
}

// AdminSetUserMFAPreference records the call; an unknown user is UserNotFoundException.
func (r *Recorder) AdminSetUserMFAPreference(ctx context.Context, in *cip.AdminSetUserMFAPreferenceInput, _ ...func(*cip.Options)) (*cip.AdminSetUserMFAPreferenceOutput, error) {
	r.record("AdminSetUserMFAPreference", in)
	if _, err := r.resolve(ctx, in.UserPoolId, in.Username); err != nil {
		return nil, err
	}
	return &cip.AdminSetUserMFAPreferenceOutput{}, nil
}

// SignUp remembers the password (as Cognito keeps its verifier) and signs up.
func (r *Recorder) SignUp(ctx context.Context, in *cip.SignUpInput, optFns ...func(*cip.Options)) (*cip.SignUpOutput, error) {
	r.record("SignUp", in)
	out, err := r.API.SignUp(ctx, in, optFns...)
	if err == nil {
		r.mu.Lock()
		r.passwords[aws.ToString(in.Username)] = aws.ToString(in.Password)
		r.mu.Unlock()
	}
	return out, err
}

// AdminSetUserPassword remembers the password too.
func (r *Recorder) AdminSetUserPassword(ctx context.Context, in *cip.AdminSetUserPasswordInput, optFns ...func(*cip.Options)) (*cip.AdminSetUserPasswordOutput, error) {
	r.record("AdminSetUserPassword", in)
	out, err := r.API.AdminSetUserPassword(ctx, in, optFns...)
	if err == nil {
		if u, rerr := r.resolve(ctx, in.UserPoolId, in.Username); rerr == nil {
			r.mu.Lock()
			r.passwords[u] = aws.ToString(in.Password)
			r.mu.Unlock()
		}
	}
	return out, err
}

func notAuthorized(msg string) error {
	return &types.NotAuthorizedException{Message: aws.String(msg)}
}

// client reads the app client, for its flows and secret.
func (r *Recorder) client(ctx context.Context, clientID string) (*types.UserPoolClientType, string, error) {
	pools, err := r.API.ListUserPools(ctx, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	if err != nil {
		return nil, "", err
	}
	for _, p := range pools.UserPools {
		out, err := r.API.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: p.Id, ClientId: aws.String(clientID)})
		if err == nil {
			return out.UserPoolClient, aws.ToString(p.Id), nil
		}
	}
	return nil, "", &types.ResourceNotFoundException{Message: aws.String("User pool client " + clientID + " does not exist.")}
}

func checkSecretHash(c *types.UserPoolClientType, username, got string) error {
	secret := aws.ToString(c.ClientSecret)
	if secret == "" {
		return nil
	}
	if got != users.SecretHash(secret, username, aws.ToString(c.ClientId)) {
		return notAuthorized("Unable to verify secret hash for client " + aws.ToString(c.ClientId))
	}
	return nil
}

// InitiateAuth answers USER_SRP_AUTH with a PASSWORD_VERIFIER challenge,
// as Cognito does; other flows go to the emulator.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
func (r *Recorder) InitiateAuth(ctx context.Context, in *cip.InitiateAuthInput, optFns ...func(*cip.Options)) (*cip.InitiateAuthOutput, error) {
	r.record("InitiateAuth", in)
	if in.AuthFlow != types.AuthFlowTypeUserSrpAuth {
		return r.API.InitiateAuth(ctx, in, optFns...)
	}
	c, poolID, err := r.client(ctx, aws.ToString(in.ClientId))
	if err != nil {
		return nil, err
	}
	if len(c.ExplicitAuthFlows) > 0 && !slices.Contains(c.ExplicitAuthFlows, types.ExplicitAuthFlowsTypeAllowUserSrpAuth) {
		return nil, &types.InvalidParameterException{Message: aws.String("USER_SRP_AUTH is not enabled for the client.")}
	}
	name := in.AuthParameters["USERNAME"]
	if err := checkSecretHash(c, name, in.AuthParameters["SECRET_HASH"]); err != nil {
		return nil, err
	}
	if in.AuthParameters["SRP_A"] == "" {
		return nil, &types.InvalidParameterException{Message: aws.String("Missing required parameter SRP_A")}
	}
	userID, err := r.resolve(ctx, aws.String(poolID), aws.String(name))
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	pw, ok := r.passwords[userID]
	if !ok {
		pw = r.passwords[name]
	}
	r.mu.Unlock()
	server, err := srp.NewServer(poolID, userID, pw, nil)
	if err != nil {
		return nil, err
	}
	raw := make([]byte, 64)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	block := base64.StdEncoding.EncodeToString(raw)
	session := base64.StdEncoding.EncodeToString(raw[:24])
	r.mu.Lock()
	r.sessions[session] = &srpSession{server: server, userID: userID, clientID: aws.ToString(in.ClientId), block: block, srpA: in.AuthParameters["SRP_A"]}
	r.mu.Unlock()
	return &cip.InitiateAuthOutput{
		ChallengeName: types.ChallengeNameTypePasswordVerifier,
		Session:       aws.String(session),
		ChallengeParameters: map[string]string{
			"SALT": server.SaltHex(), "SRP_B": server.SRPB(), "SECRET_BLOCK": block,
			"USER_ID_FOR_SRP": userID, "USERNAME": userID,
		},
	}, nil
}

// RespondToAuthChallenge verifies a PASSWORD_VERIFIER answer and, when the
// proof holds, returns the emulator's tokens for that user.
func (r *Recorder) RespondToAuthChallenge(ctx context.Context, in *cip.RespondToAuthChallengeInput, optFns ...func(*cip.Options)) (*cip.RespondToAuthChallengeOutput, error) {
	r.record("RespondToAuthChallenge", in)
	if in.ChallengeName != types.ChallengeNameTypePasswordVerifier {
		return r.API.RespondToAuthChallenge(ctx, in, optFns...)
	}
	r.mu.Lock()
	sess := r.sessions[aws.ToString(in.Session)]
	delete(r.sessions, aws.ToString(in.Session))
	r.mu.Unlock()
	if sess == nil || sess.clientID != aws.ToString(in.ClientId) {
		return nil, notAuthorized("Invalid session for the user.")
	}
	resp := in.ChallengeResponses
	c, _, err := r.client(ctx, sess.clientID)
	if err != nil {
		return nil, err
	}
	if err := checkSecretHash(c, resp["USERNAME"], resp["SECRET_HASH"]); err != nil {
		return nil, err
	}
	ts, err := time.Parse(srp.TimestampLayout, resp["TIMESTAMP"])
	if err != nil || time.Since(ts).Abs() > 5*time.Minute {
		return nil, notAuthorized(fmt.Sprintf("Invalid TIMESTAMP %q", resp["TIMESTAMP"]))
	}
	if resp["USERNAME"] != sess.userID || resp["PASSWORD_CLAIM_SECRET_BLOCK"] != sess.block {
		return nil, notAuthorized("Incorrect username or password.")
	}
	ok, err := sess.server.Verify(sess.srpA, sess.block, resp["TIMESTAMP"], resp["PASSWORD_CLAIM_SIGNATURE"])
	if err != nil || !ok {
		return nil, notAuthorized("Incorrect username or password.")
	}
	r.mu.Lock()
	pw := r.passwords[sess.userID]
	r.mu.Unlock()
	tok, err := r.API.InitiateAuth(ctx, &cip.InitiateAuthInput{
		ClientId: in.ClientId, AuthFlow: types.AuthFlowTypeUserPasswordAuth,
		AuthParameters: map[string]string{"USERNAME": sess.userID, "PASSWORD": pw},
	}, optFns...)
	if err != nil {
		return nil, err
	}
	return &cip.RespondToAuthChallengeOutput{AuthenticationResult: tok.AuthenticationResult, ChallengeName: tok.ChallengeName}, nil
}
