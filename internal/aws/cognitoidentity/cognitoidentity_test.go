package cognitoidentity_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ci "github.com/aws/aws-sdk-go-v2/service/cognitoidentity"

	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity"
	"github.com/cogwiz/cogwiz/internal/aws/cognitoidentity/identityfake"
	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/config"
)

func start(t *testing.T) (*identityfake.Fake, cognitoidentity.API, *awsfake.Transport) {
	t.Helper()
	w := fakeaws.Start(t)
	return w.Identity, w.IdentityAPI, w.Rec
}

func file() *config.Config {
	return &config.Config{
		ResourceName: "Shop", Services: config.ServicesUserPoolIdentityPool,
		AppClients:   []config.AppClient{{Name: "web"}, {Name: "ios"}},
		IdentityPool: &config.IdentityPool{Name: "shop_identity", Providers: []config.IdentityPoolProvider{{Type: "google", AppID: "g.apps"}}},
	}
}

const userPool = "us-east-1_Abc"

var ids = map[string]string{"web": "webclient1", "ios": "iosclient2"}

// The pool the file describes is created as CreateIdentityPool expects,
// found again by its tag, and reads back as what was asked for.
func TestCreateFindAndReadBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, rec := start(t)
	want := cognitoidentity.Expand(file(), cognitoidentity.Pool{}, userPool, ids)
	id, err := cognitoidentity.CreatePool(ctx, api, want)
	if err != nil {
		t.Fatal(err)
	}
	var in ci.CreateIdentityPoolInput
	if err := rec.Calls()[0].Decode(&in); err != nil {
		t.Fatal(err)
	}
	if len(in.CognitoIdentityProviders) != 2 || aws.ToString(in.CognitoIdentityProviders[0].ProviderName) != "cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc" ||
		in.SupportedLoginProviders["accounts.google.com"] != "g.apps" || in.IdentityPoolTags[cognitoidentity.TagResourceName] != "Shop" {
		t.Errorf("CreateIdentityPool request = %+v", in)
	}
	got, err := cognitoidentity.FindPool(ctx, api, file())
	if err != nil || got == nil || got.ID != id {
		t.Fatalf("FindPool = %+v, %v", got, err)
	}
	want.ID = id
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("read back\n got %+v\nwant %+v", *got, want)
	}
	// Expanding the file over what exists changes nothing: a re-apply has nothing to send.
	if again := cognitoidentity.Expand(file(), *got, userPool, ids); !reflect.DeepEqual(again, *got) {
		t.Errorf("expand over live = %+v", again)
	}
	other := file()
	other.ResourceName = "Other"
	if p, err := cognitoidentity.FindPool(ctx, api, other); p != nil || err != nil {
		t.Errorf("another file finds %+v, %v", p, err)
	}
}

// UpdateIdentityPool resets what it is not sent (the fake does as the API
// reference says); Expand over the live pool keeps what the file leaves
// out, so an update changes only what the file changes.
func TestUpdateKeepsWhatTheFileLeavesOut(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, _ := start(t)
	p := cognitoidentity.Expand(file(), cognitoidentity.Pool{}, userPool, ids)
	p.OpenIDConnectProviderARNs = []string{"arn:aws:iam::123456789012:oidc-provider/login.example.com"}
	p.Tags["team"] = "checkout"
	id, err := cognitoidentity.CreatePool(ctx, api, p)
	if err != nil {
		t.Fatal(err)
	}
	// A bare update (what a naive tool sends) loses the providers and tags.
	if _, err := api.UpdateIdentityPool(ctx, &ci.UpdateIdentityPoolInput{IdentityPoolId: aws.String(id), IdentityPoolName: aws.String("shop_identity"), AllowUnauthenticatedIdentities: true}); err != nil {
		t.Fatal(err)
	}
	bare, _ := cognitoidentity.ReadPool(ctx, api, id)
	if len(bare.OpenIDConnectProviderARNs) != 0 || len(bare.Tags) != 0 || len(bare.Clients) != 0 {
		t.Fatalf("the fake did not reset what the update left out: %+v", bare)
	}
	// cogwiz's update: read, change guest access, send everything back.
	p.ID = id
	if _, err := api.UpdateIdentityPool(ctx, cognitoidentity.ExpandUpdate(p)); err != nil {
		t.Fatal(err)
	}
	live, _ := cognitoidentity.ReadPool(ctx, api, id)
	f := file()
	f.IdentityPool.AllowUnauthenticated = true
	next := cognitoidentity.Expand(f, *live, userPool, ids)
	if err := cognitoidentity.UpdatePool(ctx, api, next); err != nil {
		t.Fatal(err)
	}
	after, _ := cognitoidentity.ReadPool(ctx, api, id)
	if !after.AllowUnauthenticated || after.Tags["team"] != "checkout" || len(after.OpenIDConnectProviderARNs) != 1 || len(after.Clients) != 2 {
		t.Errorf("after the update: %+v", after)
	}
}

func TestValidationAndDeveloperProvider(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, _ := start(t)
	if _, err := api.CreateIdentityPool(ctx, &ci.CreateIdentityPoolInput{IdentityPoolName: aws.String("no/slashes")}); err == nil {
		t.Error("a name outside the pattern was accepted")
	}
	if _, err := api.ListIdentityPools(ctx, &ci.ListIdentityPoolsInput{}); err == nil {
		t.Error("ListIdentityPools without MaxResults was accepted")
	}
	p := cognitoidentity.Expand(file(), cognitoidentity.Pool{}, userPool, ids)
	p.DeveloperProviderName = "login.shop"
	id, err := cognitoidentity.CreatePool(ctx, api, p)
	if err != nil {
		t.Fatal(err)
	}
	p.ID, p.DeveloperProviderName = id, "login.other"
	if err := cognitoidentity.UpdatePool(ctx, api, p); err == nil {
		t.Error("the developer provider name changed")
	}
	if _, err := cognitoidentity.ReadPool(ctx, api, "us-east-1:00000000-0000-4000-8000-000000000000"); !cognitoidentity.IsNotFound(err) {
		t.Errorf("ReadPool of a missing pool = %v", err)
	}
}

// After a lost answer or a 5xx the create is not sent again: the pool is
// found by its tag, so a re-run never makes a second one.
func TestCreateSentOnce(t *testing.T) {
	t.Parallel()
	for _, fault := range []awsfake.Fault{awsfake.LoseReply, awsfake.Fail500Applied, awsfake.Fail503, awsfake.Throttle} {
		t.Run(fault.String(), func(t *testing.T) {
			t.Parallel()
			f, api, rec := start(t)
			rec.Fault = awsfake.Once("CreateIdentityPool", 0, fault)
			id, err := cognitoidentity.CreatePool(context.Background(), api, cognitoidentity.Expand(file(), cognitoidentity.Pool{}, userPool, ids))
			made := fault.Applied() || fault == awsfake.Throttle
			if made != (err == nil) || (made && id == "") {
				t.Errorf("id %q, err %v", id, err)
			}
			if n := rec.Count("CreateIdentityPool"); n != 1 && fault != awsfake.Throttle {
				t.Errorf("sent %d times", n)
			}
			if got, want := len(f.PoolIDs()), map[bool]int{true: 1, false: 0}[made]; got != want {
				t.Errorf("%d pools, want %d", got, want)
			}
		})
	}
}

func TestRolesAndTrustPolicy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, api, _ := start(t)
	c := file()
	c.UserPool.Groups = []config.Group{{Name: "Admins"}}
	p := cognitoidentity.Expand(c, cognitoidentity.Pool{}, userPool, ids)
	id, err := cognitoidentity.CreatePool(ctx, api, p)
	if err != nil {
		t.Fatal(err)
	}
	want := cognitoidentity.ExpandRoles(c, p, map[string]string{"authenticated": "arn:aws:iam::123456789012:role/a", "unauthenticated": "arn:aws:iam::123456789012:role/u"})
	if len(want.Mappings) != 2 || want.Mappings[p.Clients[0].Key()].Type != "Token" {
		t.Errorf("mappings = %+v", want.Mappings)
	}
	if err := cognitoidentity.SetRoles(ctx, api, id, want); err != nil {
		t.Fatal(err)
	}
	got, err := cognitoidentity.GetRoles(ctx, api, id)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("GetRoles = %+v, %v", got, err)
	}
	var doc struct {
		Statement []struct {
			Principal map[string]string
			Action    string
			Condition map[string]map[string]string
		}
	}
	if err := json.Unmarshal([]byte(cognitoidentity.TrustPolicy(id, "unauthenticated")), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Statement[0]
	if s.Principal["Federated"] != "cognito-identity.amazonaws.com" || s.Action != "sts:AssumeRoleWithWebIdentity" ||
		s.Condition["StringEquals"]["cognito-identity.amazonaws.com:aud"] != id ||
		s.Condition["ForAnyValue:StringLike"]["cognito-identity.amazonaws.com:amr"] != "unauthenticated" {
		t.Errorf("trust policy = %+v", doc)
	}
}
