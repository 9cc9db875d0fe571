package users

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users/srp"
)

// FindClient returns the app client named or identified by nameOrID; with
// an empty nameOrID, the pool's only client.
func (s *Service) FindClient(ctx context.Context, nameOrID string) (*types.UserPoolClientType, error) {
	var names []string
	var id string
	in := &cip.ListUserPoolClientsInput{UserPoolId: aws.String(s.PoolID), MaxResults: aws.Int32(60)}
	for {
		out, err := s.API.ListUserPoolClients(ctx, in)
		if err != nil {
			if cognito.IsNotFound(err) {
				_, perr := s.Pool(ctx)
				if perr != nil {
					return nil, perr
				}
			}
			return nil, fmt.Errorf("listing app clients: %w", err)
		}
		for _, c := range out.UserPoolClients {
			names = append(names, aws.ToString(c.ClientName))
			if nameOrID != "" && (aws.ToString(c.ClientName) == nameOrID || aws.ToString(c.ClientId) == nameOrID) {
				id = aws.ToString(c.ClientId)
			}
			if nameOrID == "" {
				id = aws.ToString(c.ClientId)
			}
		}
		if aws.ToString(out.NextToken) == "" {
			break
		}
		in.NextToken = out.NextToken
	}
	switch {
	case len(names) == 0:
		return nil, &Error{Msg: fmt.Sprintf("pool %s has no app client", s.PoolID), Hint: "declare one under app_clients in cognito.yaml and run `cogwiz apply`"}
	case nameOrID == "" && len(names) > 1:
		return nil, &Error{Msg: fmt.Sprintf("pool %s has %d app clients", s.PoolID, len(names)), Hint: "pick one with --client NAME: " + strings.Join(names, ", ")}
	case id == "":
		return nil, &Error{Msg: fmt.Sprintf("app client %q not found in pool %s", nameOrID, s.PoolID), Hint: "the pool has " + strings.Join(names, ", ")}
	}
	out, err := s.API.DescribeUserPoolClient(ctx, &cip.DescribeUserPoolClientInput{UserPoolId: aws.String(s.PoolID), ClientId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("describing app client %s: %w", id, err)
	}
	return out.UserPoolClient, nil
}

// Step is one step of a trial run and what its success proves.
type Step struct {
	Name string
	// OK is false for a failure; Skipped marks a step that did not run.
	OK      bool
	Skipped bool
	// Proves says what a success shows; Detail is the error, or extra facts.
	Proves string
	Detail string
}

// Sign-in methods a trial can use, in order of preference.
const (
	FlowSRP           = "USER_SRP_AUTH"
	FlowUserPassword  = "USER_PASSWORD_AUTH"
	FlowAdminPassword = "ADMIN_USER_PASSWORD_AUTH"
)

// TrialOptions configure Trial.
type TrialOptions struct {
	// Client is the app client to sign up and in with.
	Client *types.UserPoolClientType
	// Email and Phone are an address and a number of the user's own (try
	// --email, --phone): the throw-away user gets them instead of
	// placeholders nobody can read, so Cognito's codes arrive there.
	Email, Phone string
	// AskCode, when set, asks for the confirmation code sent to
	// destination; an empty answer confirms as an administrator instead.
	// It is asked only when the code went to Email or Phone, or with
	// AskAnyCode (an emulator prints every code it sends).
	AskCode    func(ctx context.Context, destination string) (string, error)
	AskAnyCode bool
	// OnStep is called as each step ends.
	OnStep func(Step)
	// Rand is the randomness for names and the password (crypto/rand when nil).
	Rand io.Reader
	// Now is the clock for SRP's TIMESTAMP (time.Now when nil).
	Now func() time.Time
}

// TrialResult is what a trial found out.
type TrialResult struct {
	Username string
	Email    string
	Flow     string
	Steps    []Step
	// Claims are the ID token's claims, when sign-in got that far.
	Claims Claims
}

// Failed reports whether any step failed.
func (r *TrialResult) Failed() bool {
	for _, s := range r.Steps {
		if !s.OK && !s.Skipped {
			return true
		}
	}
	return false
}

// SignInFlow picks the password sign-in the client allows: SRP (what
// Amplify's libraries use) first, then USER_PASSWORD_AUTH, then the admin
// flow. A client that lists no flows gets Cognito's defaults, which
// include SRP.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ExplicitAuthFlows
func SignInFlow(flows []types.ExplicitAuthFlowsType) string {
	if all := SignInFlows(flows); len(all) > 0 {
		return all[0]
	}
	return ""
}

// SignInFlows lists every password sign-in the client allows, in the order
// SignInFlow prefers them.
func SignInFlows(flows []types.ExplicitAuthFlowsType) []string {
	has := func(names ...string) bool {
		for _, f := range flows {
			if slices.Contains(names, string(f)) {
				return true
			}
		}
		return false
	}
	var out []string
	if len(flows) == 0 || has("ALLOW_USER_SRP_AUTH") {
		out = append(out, FlowSRP)
	}
	if has("ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH") {
		out = append(out, FlowUserPassword)
	}
	if has("ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH") {
		out = append(out, FlowAdminPassword)
	}
	return out
}

type trial struct {
	s       *Service
	o       TrialOptions
	pool    *types.UserPoolType
	client  *types.UserPoolClientType
	secret  string
	res     *TrialResult
	pw      string
	created bool

	userConfirmed bool
	delivery      *types.CodeDeliveryDetailsType
	// phone is the throw-away user's phone_number: --phone, or a number
	// reserved for fiction.
	phone string
}

// Trial signs a throw-away user up and in through the client, shows the
// ID token, starts forgot-password, and deletes the user again, whatever
// happened on the way (even when ctx is cancelled).
func (s *Service) Trial(ctx context.Context, o TrialOptions) (*TrialResult, error) {
	if o.Client == nil {
		return nil, errors.New("trial: no app client")
	}
	if o.Rand == nil {
		o.Rand = rand.Reader
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	pool, err := s.Pool(ctx)
	if err != nil {
		return nil, err
	}
	t := &trial{s: s, o: o, pool: pool, client: o.Client, secret: aws.ToString(o.Client.ClientSecret), res: &TrialResult{}}
	if err := t.identity(); err != nil {
		return nil, err
	}
	defer t.cleanup(ctx)
	if !t.signUp(ctx) || !t.confirm(ctx) {
		return t.res, nil
	}
	if tokens := t.signIn(ctx); tokens != nil {
		t.token(tokens)
	}
	t.forgotPassword(ctx)
	return t.res, nil
}

func (t *trial) step(st Step) bool {
	t.res.Steps = append(t.res.Steps, st)
	if t.o.OnStep != nil {
		t.o.OnStep(st)
	}
	return st.OK
}

func (t *trial) fail(name string, err error) bool {
	return t.step(Step{Name: name, Detail: explain(err)})
}

// explain is err in the words every command uses for AWS errors, with
// its hint in brackets.
func explain(err error) string {
	err = cognito.Friendly(err)
	msg := err.Error()
	var (
		e  *Error
		ce *cognito.Error
	)
	switch {
	case errors.As(err, &ce) && ce.Hint() != "":
		msg += " (" + ce.Hint() + ")"
	case errors.As(err, &e) && e.Hint != "":
		msg += " (" + e.Hint + ")"
	}
	return msg
}

func (t *trial) secretHash(username string) *string {
	if t.secret == "" {
		return nil
	}
	return aws.String(SecretHash(t.secret, username, aws.ToString(t.client.ClientId)))
}

// identity picks a username, attributes and a password that fit the pool.
func (t *trial) identity() error {
	buf := make([]byte, 12)
	if _, err := io.ReadFull(t.o.Rand, buf); err != nil {
		return fmt.Errorf("trial: random: %w", err)
	}
	id := hex.EncodeToString(buf[:4])
	t.res.Email = "cogwiz-try+" + id + "@example.com"
	if t.o.Email != "" {
		t.res.Email = t.o.Email
	}
	t.phone = fictionalPhone(buf[4])
	if t.o.Phone != "" {
		t.phone = t.o.Phone
	}
	t.res.Username = "cogwiz-try-" + id
	switch {
	case slices.Contains(t.pool.UsernameAttributes, types.UsernameAttributeTypeEmail):
		t.res.Username = t.res.Email
	case slices.Contains(t.pool.UsernameAttributes, types.UsernameAttributeTypePhoneNumber):
		t.res.Username = t.phone
	}
	// Letters, digits and a symbol, long enough for any policy.
	t.pw = "Cw-" + hex.EncodeToString(buf[4:]) + "aZ9!"
	minLen := 8
	if t.pool.Policies != nil && t.pool.Policies.PasswordPolicy != nil {
		minLen = int(aws.ToInt32(t.pool.Policies.PasswordPolicy.MinimumLength))
	}
	for len(t.pw) < minLen {
		t.pw += "x"
	}
	return nil
}

// fictionalPhone is a number in the +1 555-0100..0199 range reserved for fiction.
func fictionalPhone(b byte) string { return fmt.Sprintf("+1555555%04d", 100+int(b)%100) }

// attributes fills email (needed for forgot-password) and every other
// required attribute with a harmless placeholder.
func (t *trial) attributes() []types.AttributeType {
	var out []types.AttributeType
	add := func(k, v string) {
		out = append(out, types.AttributeType{Name: aws.String(k), Value: aws.String(v)})
	}
	hasEmail := false
	for _, a := range t.pool.SchemaAttributes {
		name := aws.ToString(a.Name)
		if name == "email" {
			hasEmail = true
		}
		if !aws.ToBool(a.Required) || name == "email" {
			continue
		}
		if name == "phone_number" {
			continue // added below
		}
		if v := placeholder(name, t.res.Username); v != "" {
			add(name, v)
		}
	}
	if t.o.Phone != "" || t.requires("phone_number") {
		add("phone_number", t.phone)
	}
	if hasEmail || len(t.pool.SchemaAttributes) == 0 {
		add("email", t.res.Email)
	}
	return out
}

// requires reports whether the pool requires attr at sign-up.
func (t *trial) requires(attr string) bool {
	for _, a := range t.pool.SchemaAttributes {
		if aws.ToString(a.Name) == attr && aws.ToBool(a.Required) {
			return true
		}
	}
	return false
}

func placeholder(attr, username string) string {
	switch attr {
	case "name", "given_name", "family_name", "middle_name", "nickname":
		return "cogwiz try"
	case "preferred_username":
		return strings.ReplaceAll(strings.SplitN(username, "@", 2)[0], "+", "-")
	case "birthdate":
		return "2000-01-01"
	case "gender":
		return "unspecified"
	case "locale":
		return "en-US"
	case "zoneinfo":
		return "Etc/UTC"
	case "address":
		return "1 Example Street"
	case "website", "profile", "picture":
		return "https://example.com/"
	case "updated_at":
		return "0"
	}
	return ""
}

func (t *trial) signUp(ctx context.Context) bool {
	in := &cip.SignUpInput{
		ClientId:       t.client.ClientId,
		Username:       aws.String(t.res.Username),
		Password:       aws.String(t.pw),
		UserAttributes: t.attributes(),
		SecretHash:     t.secretHash(t.res.Username),
	}
	out, err := t.s.API.SignUp(ctx, in)
	if err != nil {
		var nae *types.NotAuthorizedException
		if errors.As(err, &nae) {
			return t.step(Step{Name: "sign-up", Detail: aws.ToString(nae.Message) + " (the pool allows only administrators to create users: admin_create_user.admin_only)"})
		}
		return t.fail("sign-up", t.s.wrap("SignUp", t.res.Username, err))
	}
	t.created = true
	detail := ""
	if out.UserConfirmed {
		detail = "confirmed at once by the pool"
	}
	t.userConfirmed = out.UserConfirmed
	t.delivery = out.CodeDeliveryDetails
	return t.step(Step{Name: "sign-up", OK: true, Proves: fmt.Sprintf("the pool accepts self sign-up of %s with this password policy", t.res.Username), Detail: detail})
}

func describeDelivery(d *types.CodeDeliveryDetailsType) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("by %s to %s", strings.ToLower(string(d.DeliveryMedium)), aws.ToString(d.Destination))
}

func (t *trial) confirm(ctx context.Context) bool {
	if t.userConfirmed {
		return t.step(Step{Name: "confirm", OK: true, Proves: "the pool confirmed the user by itself (a pre-sign-up trigger)"})
	}
	sent := describeDelivery(t.delivery)
	readable := t.readable(t.delivery)
	// Ask only when Cognito actually sent a code (an auto-verified
	// attribute), to somewhere the code can be read.
	if t.o.AskCode != nil && t.delivery != nil && (readable || t.o.AskAnyCode) {
		code, err := t.o.AskCode(ctx, sent)
		if err != nil {
			return t.fail("confirm", err)
		}
		if code != "" {
			_, err := t.s.API.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{
				ClientId: t.client.ClientId, Username: aws.String(t.res.Username),
				ConfirmationCode: aws.String(code), SecretHash: t.secretHash(t.res.Username),
			})
			if err != nil {
				return t.fail("confirm", t.s.wrap("ConfirmSignUp", t.res.Username, err))
			}
			return t.step(Step{Name: "confirm", OK: true, Proves: "the code Cognito sent " + sent + " confirms the account"})
		}
	}
	_, err := t.s.API.AdminConfirmSignUp(ctx, &cip.AdminConfirmSignUpInput{UserPoolId: aws.String(t.s.PoolID), Username: aws.String(t.res.Username)})
	if err != nil {
		return t.fail("confirm", t.s.wrap("AdminConfirmSignUp", t.res.Username, err))
	}
	proves := "an administrator can confirm the account"
	if sent != "" {
		proves += "; a real user gets a code " + sent
	}
	detail := ""
	if t.delivery != nil && !readable && !t.o.AskAnyCode {
		detail = fmt.Sprintf("the code went to the throw-away %s, which nobody can read, so an administrator confirmed the user; "+
			"pass %s to get the code and type it", medium(t.delivery), flagFor(t.delivery))
	}
	return t.step(Step{Name: "confirm", OK: true, Proves: proves, Detail: detail})
}

// readable reports whether a code sent as d reaches the user of try: by
// email to --email, or by text message to --phone.
func (t *trial) readable(d *types.CodeDeliveryDetailsType) bool {
	if d == nil {
		return false
	}
	if d.DeliveryMedium == types.DeliveryMediumTypeSms {
		return t.o.Phone != ""
	}
	return t.o.Email != ""
}

func medium(d *types.CodeDeliveryDetailsType) string {
	if d.DeliveryMedium == types.DeliveryMediumTypeSms {
		return "phone number"
	}
	return "email address"
}

func flagFor(d *types.CodeDeliveryDetailsType) string {
	if d.DeliveryMedium == types.DeliveryMediumTypeSms {
		return "--phone NUMBER"
	}
	return "--email ADDRESS"
}

func (t *trial) signIn(ctx context.Context) *types.AuthenticationResultType {
	flows := SignInFlows(t.client.ExplicitAuthFlows)
	if len(flows) == 0 {
		t.step(Step{Name: "sign-in", Detail: "the client allows no password sign-in (auth_flows has none of ALLOW_USER_SRP_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH)"})
		return nil
	}
	var (
		flow string
		out  *cip.InitiateAuthOutput
		err  error
		note string
	)
	for i, f := range flows {
		flow = f
		out, err = t.signInWith(ctx, f)
		// An endpoint without one flow (cognito-local has no SRP) may still
		// have the next one the client allows.
		if err == nil || !cognito.IsUnsupported(err) || i == len(flows)-1 {
			break
		}
		note = fmt.Sprintf("the endpoint does not support %s, so this tried %s", f, flows[i+1])
	}
	t.res.Flow = flow
	if err != nil {
		t.fail("sign-in", t.s.wrap(flow, t.res.Username, err))
		return nil
	}
	if out.AuthenticationResult == nil {
		// MFA and other challenges come after the password was accepted.
		detail := fmt.Sprintf("then the pool asks for %s, which a throw-away user cannot answer: no tokens to show", out.ChallengeName)
		if note != "" {
			detail = note + "; " + detail
		}
		t.step(Step{Name: "sign-in", OK: true, Proves: fmt.Sprintf("the password is accepted through %s", flow), Detail: detail})
		return nil
	}
	t.step(Step{Name: "sign-in", OK: true, Proves: fmt.Sprintf("the client signs users in with %s and gets tokens", flow), Detail: note})
	return out.AuthenticationResult
}

// signInWith starts one password sign-in flow for the throw-away user.
func (t *trial) signInWith(ctx context.Context, flow string) (*cip.InitiateAuthOutput, error) {
	switch flow {
	case FlowSRP:
		return t.signInSRP(ctx)
	case FlowUserPassword:
		params := map[string]string{"USERNAME": t.res.Username, "PASSWORD": t.pw}
		if h := t.secretHash(t.res.Username); h != nil {
			params["SECRET_HASH"] = *h
		}
		return t.s.API.InitiateAuth(ctx, &cip.InitiateAuthInput{ClientId: t.client.ClientId, AuthFlow: types.AuthFlowTypeUserPasswordAuth, AuthParameters: params})
	default: // FlowAdminPassword
		params := map[string]string{"USERNAME": t.res.Username, "PASSWORD": t.pw}
		if h := t.secretHash(t.res.Username); h != nil {
			params["SECRET_HASH"] = *h
		}
		aout, err := t.s.API.AdminInitiateAuth(ctx, &cip.AdminInitiateAuthInput{UserPoolId: aws.String(t.s.PoolID), ClientId: t.client.ClientId, AuthFlow: types.AuthFlowTypeAdminUserPasswordAuth, AuthParameters: params})
		if err != nil {
			return nil, err
		}
		return &cip.InitiateAuthOutput{AuthenticationResult: aout.AuthenticationResult, ChallengeName: aout.ChallengeName}, nil
	}
}

// signInSRP runs USER_SRP_AUTH: send A, answer PASSWORD_VERIFIER with the
// signature the shared secret yields; the password is never sent.
func (t *trial) signInSRP(ctx context.Context) (*cip.InitiateAuthOutput, error) {
	c, err := srp.NewClient(t.s.PoolID, t.o.Rand)
	if err != nil {
		return nil, err
	}
	params := map[string]string{"USERNAME": t.res.Username, "SRP_A": c.SRPA()}
	if h := t.secretHash(t.res.Username); h != nil {
		params["SECRET_HASH"] = *h
	}
	init, err := t.s.API.InitiateAuth(ctx, &cip.InitiateAuthInput{ClientId: t.client.ClientId, AuthFlow: types.AuthFlowTypeUserSrpAuth, AuthParameters: params})
	if err != nil {
		return nil, err
	}
	if init.ChallengeName != types.ChallengeNameTypePasswordVerifier {
		return init, nil
	}
	cp := init.ChallengeParameters
	userID := cp["USER_ID_FOR_SRP"]
	key, err := c.Key(userID, t.pw, cp["SRP_B"], cp["SALT"])
	if err != nil {
		return nil, err
	}
	ts := srp.Timestamp(t.o.Now())
	sig, err := srp.Signature(key, t.s.PoolID, userID, cp["SECRET_BLOCK"], ts)
	if err != nil {
		return nil, err
	}
	resp := map[string]string{
		"USERNAME":                    userID,
		"PASSWORD_CLAIM_SECRET_BLOCK": cp["SECRET_BLOCK"],
		"PASSWORD_CLAIM_SIGNATURE":    sig,
		"TIMESTAMP":                   ts,
	}
	// After the verifier, Cognito knows the user by USER_ID_FOR_SRP, and
	// the secret hash must be computed over that name.
	if h := t.secretHash(userID); h != nil {
		resp["SECRET_HASH"] = *h
	}
	out, err := t.s.API.RespondToAuthChallenge(ctx, &cip.RespondToAuthChallengeInput{
		ClientId: t.client.ClientId, ChallengeName: types.ChallengeNameTypePasswordVerifier,
		ChallengeResponses: resp, Session: init.Session,
	})
	if err != nil {
		return nil, err
	}
	return &cip.InitiateAuthOutput{AuthenticationResult: out.AuthenticationResult, ChallengeName: out.ChallengeName}, nil
}

func (t *trial) token(r *types.AuthenticationResultType) {
	claims, err := DecodeJWT(aws.ToString(r.IdToken))
	if err != nil {
		t.fail("id-token", fmt.Errorf("reading the ID token: %w", err))
		return
	}
	t.res.Claims = claims
	clientID := aws.ToString(t.client.ClientId)
	var wrong []string
	if claims.String("token_use") != "id" {
		wrong = append(wrong, fmt.Sprintf("token_use is %q, not \"id\"", claims.String("token_use")))
	}
	if claims.String("aud") != clientID {
		wrong = append(wrong, fmt.Sprintf("aud is %q, not the client id %s", claims.String("aud"), clientID))
	}
	if !strings.HasSuffix(claims.String("iss"), "/"+t.s.PoolID) {
		wrong = append(wrong, fmt.Sprintf("iss %q does not name pool %s", claims.String("iss"), t.s.PoolID))
	}
	if len(wrong) > 0 {
		t.step(Step{Name: "id-token", Detail: strings.Join(wrong, "; ")})
		return
	}
	exp := claims.Time("exp")
	t.step(Step{Name: "id-token", OK: true,
		Proves: fmt.Sprintf("the pool issued an ID token for client %s, valid until %s", aws.ToString(t.client.ClientName), exp.Format(time.RFC3339))})
}

func (t *trial) forgotPassword(ctx context.Context) {
	if rs := t.pool.AccountRecoverySetting; rs != nil && len(rs.RecoveryMechanisms) > 0 {
		onlyAdmin := true
		for _, m := range rs.RecoveryMechanisms {
			if m.Name != types.RecoveryOptionNameTypeAdminOnly {
				onlyAdmin = false
			}
		}
		if onlyAdmin {
			t.step(Step{Name: "forgot-password", Skipped: true, Detail: "account_recovery is admin_only: users cannot reset their own password"})
			return
		}
	}
	out, err := t.s.API.ForgotPassword(ctx, &cip.ForgotPasswordInput{ClientId: t.client.ClientId, Username: aws.String(t.res.Username), SecretHash: t.secretHash(t.res.Username)})
	if err != nil {
		t.fail("forgot-password", t.s.wrap("ForgotPassword", t.res.Username, err))
		return
	}
	proves := "users can recover their account: a code was sent " + describeDelivery(out.CodeDeliveryDetails)
	if t.readable(out.CodeDeliveryDetails) {
		proves += " (yours: it should arrive there)"
	}
	t.step(Step{Name: "forgot-password", OK: true, Proves: proves})
}

// cleanup deletes the throw-away user. It runs even after Ctrl-C, on a
// context of its own, so that a trial never leaves a user behind.
func (t *trial) cleanup(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	_, err := t.s.API.AdminDeleteUser(ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(t.s.PoolID), Username: aws.String(t.res.Username)})
	var unf *types.UserNotFoundException
	switch {
	case err == nil:
		t.step(Step{Name: "clean-up", OK: true, Proves: "the throw-away user " + t.res.Username + " is deleted"})
	case errors.As(err, &unf) && !t.created:
		t.step(Step{Name: "clean-up", OK: true, Proves: "no user was left behind"})
	default:
		t.step(Step{Name: "clean-up", Detail: fmt.Sprintf("deleting %s: %s; delete it with `cogwiz users delete %s --yes`", t.res.Username, explain(err), t.res.Username)})
	}
}
