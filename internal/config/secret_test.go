package config

import "testing"

func TestSecretRefName(t *testing.T) {
	cases := []struct {
		in   string
		name string
		ok   bool
	}{
		{"${env:GOOGLE_CLIENT_SECRET}", "GOOGLE_CLIENT_SECRET", true},
		{"${env:_a1}", "_a1", true},
		{"${env:}", "", false},
		{"${env:1A}", "", false},
		{"${env:A-B}", "", false},
		{"${env:A}x", "", false},
		{"x${env:A}", "", false},
		{"${ENV:A}", "", false},
		{"$env:A", "", false},
		{"hunter2", "", false},
		{"", "", false},
	}
	for _, tc := range cases {
		name, ok := SecretRefName(tc.in)
		if name != tc.name || ok != tc.ok {
			t.Errorf("SecretRefName(%q) = %q, %v; want %q, %v", tc.in, name, ok, tc.name, tc.ok)
		}
	}
}

func TestSecretRefRoundTrip(t *testing.T) {
	for _, n := range []string{"A", "GOOGLE_CLIENT_SECRET", "_x"} {
		ref := SecretRef(n)
		if got, ok := SecretRefName(ref); !ok || got != n {
			t.Errorf("SecretRefName(SecretRef(%q)) = %q, %v", n, got, ok)
		}
	}
	if got := SecretRef("X"); got != "${env:X}" {
		t.Errorf("SecretRef(X) = %q", got)
	}
}

func TestSecretEnvName(t *testing.T) {
	cases := map[[2]string]string{
		{"Google", "client_secret"}:        "GOOGLE_CLIENT_SECRET",
		{"my-oidc", "client_secret"}:       "MY_OIDC_CLIENT_SECRET",
		{"SignInWithApple", "private_key"}: "SIGNINWITHAPPLE_PRIVATE_KEY",
		{"", "secret"}:                     "SECRET",
		{"1corp", "client_secret"}:         "_1CORP_CLIENT_SECRET",
	}
	for in, want := range cases {
		got := SecretEnvName(in[0], in[1])
		if got != want {
			t.Errorf("SecretEnvName(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
		if !IsSecretRef(SecretRef(got)) {
			t.Errorf("SecretEnvName(%q, %q) = %q is not a valid name", in[0], in[1], got)
		}
	}
}
