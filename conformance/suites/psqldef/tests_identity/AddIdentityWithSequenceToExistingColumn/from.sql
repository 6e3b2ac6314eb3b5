CREATE TABLE voltages (
  volt int
);
