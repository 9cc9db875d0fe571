package config

import (
	"encoding/json"
	"reflect"
	"testing"
)

// The short and the long form of the same template decode to the tree of
// its JSON form (the three forms are equivalent per the CloudFormation
// intrinsic function reference).
func TestDecodeCloudFormationYAML(t *testing.T) {
	t.Parallel()
	short := `Resources:
  Role:
    Properties:
      RoleName: !If [IsNone, 'a_role', !Join ['', [ 'sns', !Select [3, !Split ['-', !Ref 'AWS::StackName']], '-', !Ref env]]]
      Arn: !GetAtt SNSRole.Arn
`
	long := `Resources:
  Role:
    Properties:
      RoleName:
        Fn::If:
          - IsNone
          - a_role
          - Fn::Join:
              - ''
              - - sns
                - Fn::Select:
                    - '3'
                    - Fn::Split:
                        - '-'
                        - Ref: AWS::StackName
                - '-'
                - Ref: env
      Arn:
        Fn::GetAtt: [SNSRole, Arn]
`
	var want any
	if err := json.Unmarshal([]byte(`{"Resources": {"Role": {"Properties": {
	  "RoleName": {"Fn::If": ["IsNone", "a_role", {"Fn::Join": ["", ["sns", {"Fn::Select": ["3", {"Fn::Split": ["-", {"Ref": "AWS::StackName"}]}]}, "-", {"Ref": "env"}]]}]},
	  "Arn": {"Fn::GetAtt": ["SNSRole", "Arn"]}}}}}`), &want); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"short": short, "long": long} {
		got, err := DecodeCloudFormationYAML([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s form:\n got %#v\nwant %#v", name, got, want)
		}
	}
	if _, err := DecodeCloudFormationYAML([]byte("a: [b")); err == nil {
		t.Error("broken YAML decoded")
	}
}
