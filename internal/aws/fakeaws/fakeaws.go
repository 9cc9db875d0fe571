// Package fakeaws starts one fake AWS endpoint (internal/awsfake) serving
// every service cogwiz calls — Cognito user pools, identity pools, IAM and
// Lambda — and builds real SDK clients for it whose requests one Transport
// records, in the order they went on the wire.
package fakeaws

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity/identityfake"
	"github.com/cogwiz/cogwiz/internal/aws/iam"
	"github.com/cogwiz/cogwiz/internal/aws/iam/iamfake"
	"github.com/cogwiz/cogwiz/internal/aws/lambda"
	"github.com/cogwiz/cogwiz/internal/aws/lambda/lambdafake"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
)

// World is the fake endpoint and clients of it.
type World struct {
	Cognito  *cognitofake.Fake
	Identity *identityfake.Fake
	IAM      *iamfake.Fake
	Lambda   *lambdafake.Fake
	// Rec records every request of the clients.
	Rec *awsfake.Transport

	API         cognito.API
	IdentityAPI cognitoidentity.API
	IAMAPI      iam.API
	LambdaAPI   lambda.API
}

// Start starts the endpoint until tb ends.
func Start(tb testing.TB) *World {
	tb.Helper()
	f := cognitofake.New(tb)
	w := &World{Cognito: f, Identity: identityfake.Register(f.Server, f.Region), IAM: iamfake.Register(f.Server, f.Account),
		Lambda: lambdafake.Register(f.Server, f.Region, f.Account)}
	var opts cognito.Options
	w.API, w.Rec = cognitofake.Connect(tb, f.Options())
	opts = f.Options()
	opts.WrapTransport = w.Rec.Wrap
	cfg, err := cognito.LoadConfig(context.Background(), opts)
	if err != nil {
		tb.Fatalf("config: %v", err)
	}
	w.IdentityAPI = cognitoidentity.New(cfg, opts.EndpointURL)
	w.IAMAPI = iam.New(cfg, opts.EndpointURL)
	w.LambdaAPI = lambda.New(cfg, opts.EndpointURL)
	return w
}

// Wire makes f's clients this world's.
func (w *World) Wire(f *cmdutil.Factory) {
	f.Cognito = func(context.Context) (cognito.API, error) { return w.API, nil }
	f.IdentityPools = func(context.Context) (cognitoidentity.API, error) { return w.IdentityAPI, nil }
	f.IAM = func(context.Context) (iam.API, error) { return w.IAMAPI, nil }
	f.Lambda = func(context.Context) (lambda.API, error) { return w.LambdaAPI, nil }
}

// Functions is Lambda and IAM in a fake of their own, beside
// cognito-local (which serves neither): what the trigger functions need.
type Functions struct {
	Lambda    *lambdafake.Fake
	IAM       *iamfake.Fake
	Rec       *awsfake.Transport
	LambdaAPI lambda.API
	IAMAPI    iam.API
	// URL is the fake's endpoint (cognito-local's LambdaClient endpoint).
	URL string
}

// StartFunctions starts Lambda and IAM until tb ends, taking the SourceArn
// of cognito-local's pools.
func StartFunctions(tb testing.TB) *Functions {
	tb.Helper()
	s := awsfake.Start(tb)
	w := &Functions{IAM: iamfake.Register(s, "123456789012"), Lambda: lambdafake.Register(s, "us-east-1", "123456789012"), Rec: awsfake.NewTransport(), URL: s.URL()}
	w.Lambda.SourceARN = lambdafake.EmulatorSourceARN
	cfg, err := cognito.LoadConfig(context.Background(), cognito.Options{Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("fake", "fake", ""), RetryMaxBackoff: time.Millisecond, WrapTransport: w.Rec.Wrap})
	if err != nil {
		tb.Fatalf("config: %v", err)
	}
	w.LambdaAPI, w.IAMAPI = lambda.New(cfg, s.URL()), iam.New(cfg, s.URL())
	return w
}
