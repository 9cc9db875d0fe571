package cmdtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var realHome string

func TestMain(m *testing.M) {
	realHome, _ = os.UserHomeDir()
	os.Setenv("AWS_PROFILE", "someones-real-profile")
	os.Exit(IsolateHome(m))
}

func TestIsolateHome(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Fatal(err)
	}
	if home == realHome || !strings.HasPrefix(filepath.Base(home), "cogwiz-home-") {
		t.Errorf("HOME = %s, want a fresh temporary directory", home)
	}
	if v, ok := os.LookupEnv("AWS_PROFILE"); ok {
		t.Errorf("AWS_PROFILE = %q survived", v)
	}
	if got := os.Getenv("AWS_CONFIG_FILE"); !strings.HasPrefix(got, home) {
		t.Errorf("AWS_CONFIG_FILE = %q, want it under %s", got, home)
	}
	if got := os.Getenv("AWS_EC2_METADATA_DISABLED"); got != "true" {
		t.Errorf("AWS_EC2_METADATA_DISABLED = %q", got)
	}
}
