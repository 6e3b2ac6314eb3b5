CREATE TABLE departments (
  dept_id int PRIMARY KEY,
  parent_dept_id int,
  CONSTRAINT dept_parent_fk FOREIGN KEY (parent_dept_id) REFERENCES departments(dept_id)
);
