package users

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

func TestSecretHash(t *testing.T) {
	// Computed independently: base64(HMAC-SHA256("client-secret-xyz", "ada" + client id)).
	got := SecretHash("client-secret-xyz", "ada", "3n4b5urk1ft4fl3mg5e62d9ado")
	if want := "qBGY0fd846YiomsFQHGcg5mhiqaAljPNQm978rvQz9k="; got != want {
		t.Fatalf("SecretHash = %s, want %s", got, want)
	}
}

func TestDecodeJWT(t *testing.T) {
	tok := "eyJhbGciOiAiUlMyNTYifQ.eyJpc3MiOiAiaHR0cHM6Ly9jb2duaXRvLWlkcC51cy1lYXN0LTEuYW1hem9uYXdzLmNvbS91cy1lYXN0LTFfWCIsICJhdWQiOiAiYWJjIiwgImV4cCI6IDE3OTU3NzI4MzgsICJ0b2tlbl91c2UiOiAiaWQiLCAiY29nbml0bzpncm91cHMiOiBbIkEiLCAiQiJdfQ.sig"
	c, err := DecodeJWT(tok)
	if err != nil {
		t.Fatal(err)
	}
	if c.String("iss") != "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X" || c.String("aud") != "abc" || c.String("token_use") != "id" {
		t.Fatalf("claims = %v", c)
	}
	if got := c.String("cognito:groups"); got != "A,B" {
		t.Fatalf("groups = %q", got)
	}
	if got := c.Time("exp"); !got.Equal(time.Unix(1795772838, 0)) {
		t.Fatalf("exp = %v", got)
	}
	if c.String("exp") != "1795772838" {
		t.Fatalf("exp as text = %q (must not be 1.795772838e+09)", c.String("exp"))
	}
	for _, bad := range []string{"", "a.b", "a.!!!.c", "a.bm90IGpzb24.c"} {
		if _, err := DecodeJWT(bad); err == nil {
			t.Errorf("DecodeJWT(%q) accepted", bad)
		}
	}
}

func TestSignInFlow(t *testing.T) {
	for _, tc := range []struct {
		flows []types.ExplicitAuthFlowsType
		want  string
	}{
		{nil, FlowSRP},
		{[]types.ExplicitAuthFlowsType{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"}, FlowSRP},
		{[]types.ExplicitAuthFlowsType{"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}, FlowUserPassword},
		{[]types.ExplicitAuthFlowsType{"USER_PASSWORD_AUTH"}, FlowUserPassword},
		{[]types.ExplicitAuthFlowsType{"ALLOW_ADMIN_USER_PASSWORD_AUTH"}, FlowAdminPassword},
		{[]types.ExplicitAuthFlowsType{"ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"}, ""},
	} {
		if got := SignInFlow(tc.flows); got != tc.want {
			t.Errorf("SignInFlow(%v) = %q, want %q", tc.flows, got, tc.want)
		}
	}
}

func TestSignInFlowsListsEveryAllowedFlowInOrder(t *testing.T) {
	got := SignInFlows([]types.ExplicitAuthFlowsType{"ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"})
	want := []string{FlowSRP, FlowUserPassword, FlowAdminPassword}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("SignInFlows = %v, want %v", got, want)
	}
	if got := SignInFlows([]types.ExplicitAuthFlowsType{"ALLOW_REFRESH_TOKEN_AUTH"}); len(got) != 0 {
		t.Errorf("SignInFlows(refresh only) = %v, want none", got)
	}
}
