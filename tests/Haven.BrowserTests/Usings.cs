global using Haven.TestCommon;
