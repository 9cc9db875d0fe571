package schema

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func TestSchemaPrintsSchemaOnStdout(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	cmd := NewCmdSchema(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want, _ := config.JSONSchema()
	if !bytes.Equal(out.Bytes(), want) {
		t.Error("stdout is not the schema")
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", errOut)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil || m["$id"] != config.SchemaURL {
		t.Errorf("not the cognito.yaml schema: %v %v", err, m["$id"])
	}
}

func TestSchemaRejectsArgs(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	cmd := NewCmdSchema(&cmdutil.Factory{IOStreams: ios}, func(*Options) error { return nil })
	cmd.SetArgs([]string{"extra"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil {
		t.Error("an argument was accepted")
	}
}
